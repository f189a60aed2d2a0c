using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SnapMagic.Contracts;
using SnapMagic.TestSupport.Api;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// Issue 22 in a real Chromium on the embedded backend: "Animate" on a finished card, its progress, the animation
/// playing over the card's art window (the local animator's animated WebP), its download, and refusals in words.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnimationPageTests(BrowserSystem system, ITestOutputHelper output)
{
    public const string ReadyText = "Your animation is ready: it plays in the card's art window.";

    [Fact]
    public Task Animate_by_keyboard_shows_the_progress_then_plays_the_animation_in_the_art_window_and_downloads_it() => RunAsync("animate", async open =>
    {
        var attendee = await open("animate");
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A paper crane taking flight over a harbour";
        await attendee.GenerateAsync(prompt);
        await AnimationPlayback.RecordProgressAsync(attendee.Page);

        var animate = attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Animate", Exact = true });
        await animate.FocusAsync();
        await attendee.Page.Keyboard.PressAsync("Enter");
        // The button gives way to the animation's status line, which takes the keyboard focus.
        await Expect(animate).ToHaveCountAsync(0);
        await Expect(attendee.Page.Locator("#animation-status")).ToBeFocusedAsync();
        await attendee.ScreenshotAsync("animation asked for");

        await Expect(attendee.Page.Locator("#animation-status")).ToHaveTextAsync(ReadyText, new() { Timeout = 120_000 });
        await Expect(animate).ToHaveCountAsync(0);
        var progress = await AnimationPlayback.RecordedProgressAsync(attendee.Page);
        Assert.Equal("queued", progress.Statuses[0]);
        Assert.Equal("completed", progress.Statuses[^1]);
        Assert.Contains(progress.Texts, t => t.Contains("few minutes on Bedrock", StringComparison.Ordinal));
        Assert.Contains(progress.Elapsed, t => Regex.IsMatch(t, @"^\d+:\d\d elapsed$"));

        var media = await AnimationPlayback.ExpectPlayingInTheArtWindowAsync(attendee.Page, prompt);
        Assert.Equal("IMG", media.Tag);
        Assert.True(media.Frames > 1, $"The local animation has {media.Frames} frame(s).");
        await attendee.ScreenshotAsync("animation playing");

        var download = await attendee.Page.RunAndWaitForDownloadAsync(() =>
            attendee.Page.GetByRole(AriaRole.Link, new() { Name = "Download animation", Exact = true }).ClickAsync());
        Assert.Matches(@"^snapmagic-card-[0-9a-f]{8}.*\.webp$", download.SuggestedFilename);
        var saved = Path.Combine(BrowserSystem.ScreenshotFolder, "download-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.True(AnimationPlayback.CountWebpFrames(await File.ReadAllBytesAsync(saved)) > 1, "The downloaded animation is not an animated WebP.");

        // Moving pictures can be stopped (and played again): the still card shows meanwhile.
        await attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Stop animation", Exact = true }).ClickAsync();
        await Expect(attendee.Page.Locator(".card-animation")).ToBeHiddenAsync();
        await attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Play animation", Exact = true }).ClickAsync();
        await Expect(attendee.Page.Locator(".card-animation")).ToBeVisibleAsync();

        // After a reload the card comes with its animation: no Animate button, the animation plays.
        await attendee.Page.ReloadAsync();
        await Expect(attendee.Page.Locator("#animation-status")).ToHaveTextAsync(ReadyText);
        await Expect(animate).ToHaveCountAsync(0);
        await AnimationPlayback.ExpectPlayingInTheArtWindowAsync(attendee.Page, prompt);
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task An_animation_past_the_sessions_limit_is_refused_with_the_wait_in_words_and_Animate_stays() => RunAsync("animate-limit", async open =>
    {
        var attendee = await open("animate-limit");
        await attendee.LogInAndWaitForThePageAsync();
        var token = await attendee.TokenAsync();
        // Use up the session's animations straight at the Api (Animations:PerSession, 2 by default), on two other cards.
        for (var i = 0; i < 2; i++)
        {
            var card = await system.System.Api.SubmitCardAsync(token, $"An earlier card number {i} to animate");
            await system.System.Api.WaitForCardAsync(token, card.CorrelationId, c => c.Status == "completed", TimeSpan.FromSeconds(90));
            await system.System.Api.RequestAnimationAsync(token, card.CorrelationId);
        }

        const string prompt = "One animation more than the limit allows";
        await attendee.GenerateAsync(prompt);
        var answer = attendee.Page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/animation", StringComparison.Ordinal));
        await attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Animate", Exact = true }).ClickAsync();
        Assert.Equal(429, (await answer).Status);
        await Expect(attendee.Page.Locator("#animation-status")).ToHaveTextAsync(new Regex(@"^You have asked for a lot of animations\. Please try again in \d+ s"));
        await Expect(attendee.Page.Locator("#animation-status")).ToHaveAttributeAsync("data-state", "refused");
        // Nothing was started: the card has no animation, and Animate is still there for later.
        await Expect(attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Animate", Exact = true })).ToBeVisibleAsync();
        var id = await attendee.CardIdAsync(prompt);
        Assert.Null((await system.System.Api.GetCardAsync(token, id)).Animation);
        await attendee.ScreenshotAsync("animation refused");
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task Other_refusals_are_said_in_words_503_with_its_wait_and_404() => RunAsync("animate-refusals", async open =>
    {
        var attendee = await open("animate-refusals");
        await attendee.LogInAndWaitForThePageAsync();
        await attendee.GenerateAsync("A lighthouse whose animation is refused");
        var web = system.WebUrl.GetLeftPart(UriPartial.Authority);
        // The Api's refusals as its contract writes them (ProblemDetails, Retry-After exposed to the page by CORS).
        var answers = new Queue<(int Status, string? RetryAfter, string Title)>([(503, "30", "Queue unavailable"), (404, null, "Card not found")]);
        await attendee.Page.RouteAsync(new Regex(@"/api/cards/[0-9a-f]{32}/animation$"), async route =>
        {
            if (route.Request.Method != "POST" || answers.Count == 0)
            {
                await route.ContinueAsync();
                return;
            }
            var (status, retryAfter, title) = answers.Dequeue();
            var headers = new Dictionary<string, string>
            {
                ["Access-Control-Allow-Origin"] = web,
                ["Access-Control-Expose-Headers"] = "Location, Retry-After",
            };
            if (retryAfter is not null)
                headers["Retry-After"] = retryAfter;
            await route.FulfillAsync(new() { Status = status, Headers = headers, ContentType = "application/problem+json", Body = $$"""{"title":"{{title}}","status":{{status}}}""" });
        });
        var animate = attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Animate", Exact = true });
        var status = attendee.Page.Locator("#animation-status");

        await animate.ClickAsync();
        await Expect(status).ToHaveTextAsync("Animations are not available right now. Please try again in 30 s.");
        await animate.ClickAsync();
        await Expect(status).ToHaveTextAsync("This card can no longer be found, so it can't be animated.");
        await Expect(animate).ToBeVisibleAsync();
        attendee.AssertNoScriptErrors();
    });

    private Task RunAsync(string name, Func<OpenPage, Task> test) => BrowserTestRun.RunAsync(system, output, name, test);
}
