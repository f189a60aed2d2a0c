using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SnapMagic.Contracts;
using SnapMagic.TestSupport.Api;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>The attendee's page in a real Chromium against the real running system (issue 3).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendeePageTests(BrowserSystem system, ITestOutputHelper output)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public Task A_wrong_password_is_refused_in_plain_words_and_the_right_one_opens_the_page() => RunAsync("login", async open =>
    {
        var attendee = await open("login");
        await Expect(attendee.LogInButton).ToBeVisibleAsync();
        await attendee.ScreenshotAsync("login form");

        await attendee.LogInAsync(password: "not-the-password");
        await Expect(attendee.LoginError).ToHaveTextAsync(AttendeePage.WrongCredentialsMessage);
        await Expect(attendee.Prompt).ToBeHiddenAsync();
        Assert.Null(await attendee.StoredSessionAsync());
        await attendee.ScreenshotAsync("wrong password");

        await attendee.LogInAsync();
        await Expect(attendee.Prompt).ToBeVisibleAsync();
        await Expect(attendee.LogInButton).ToBeHiddenAsync();
        await Expect(attendee.LogOutButton).ToBeVisibleAsync();
        Assert.NotNull(await attendee.StoredSessionAsync());
        await attendee.ScreenshotAsync("logged in");

        await attendee.LogOutButton.ClickAsync();
        await Expect(attendee.LogInButton).ToBeVisibleAsync();
        Assert.Null(await attendee.StoredSessionAsync());
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task A_prompt_shorter_than_ten_characters_is_refused_in_the_page_and_never_sent() => RunAsync("short-prompt", async open =>
    {
        var attendee = await open("short-prompt");
        await attendee.LogInAndWaitForThePageAsync();

        // Nine characters once trimmed: the page counts what the Api will count.
        await attendee.Prompt.FillAsync("   too short   ");
        await Expect(attendee.PromptCounter).ToHaveTextAsync("9 / 1024");
        await attendee.GenerateButton.ClickAsync();
        await Expect(attendee.FormError).ToContainTextAsync("at least 10 characters");
        await Expect(attendee.Prompt).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(attendee.GalleryItems).ToHaveCountAsync(0);
        await attendee.ScreenshotAsync("short prompt refused");

        // The store is the judge: this session has no card at all.
        Assert.Empty(await CardsOfSessionAsync(attendee));
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task Generating_a_card_shows_its_progress_then_the_decoded_image_and_the_prompt_as_text() => RunAsync("generate", async open =>
    {
        var attendee = await open("generate");
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A brave <b>otter</b> knight guarding a moonlit castle";

        await attendee.Prompt.FillAsync(prompt);
        await Expect(attendee.PromptCounter).ToHaveTextAsync($"{prompt.Length} / 1024");
        await attendee.GenerateButton.ClickAsync();
        await Expect(attendee.GalleryItem(prompt)).ToHaveCountAsync(1);
        await attendee.ScreenshotAsync("generating");

        await AttendeePage.ExpectDecodedAsync(attendee.CardImage(prompt), timeout: 60_000);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card is ready!");
        await attendee.ScreenshotAsync("card done");

        // The progress indicator showed the card before it was done, and the last state shown is the finished card.
        var statuses = await attendee.RecordedStatusesAsync();
        Assert.Equal("completed", statuses[^1]);
        Assert.Contains(statuses, s => s is "queued" or "processing");

        // The prompt is text, never markup.
        await Expect(attendee.ResultPrompt).ToContainTextAsync("<b>otter</b>");
        await Expect(attendee.Page.Locator("#result-body b, #gallery-list b")).ToHaveCountAsync(0);
        await Expect(attendee.GalleryItem(prompt)).ToContainTextAsync("Ready");
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task Download_saves_the_card_as_a_png_under_a_meaningful_name() => RunAsync("download", async open =>
    {
        var attendee = await open("download");
        await attendee.LogInAndWaitForThePageAsync();
        await attendee.GenerateAsync("A lighthouse keeper made of northern lights");
        await attendee.ScreenshotAsync("card done");

        var download = await attendee.Page.RunAndWaitForDownloadAsync(() => attendee.DownloadLink.ClickAsync());
        Assert.Matches("^snapmagic-card-[0-9a-f]{8}\\.png$", download.SuggestedFilename);
        var saved = Path.Combine(BrowserSystem.ScreenshotFolder, "download-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);

        var bytes = await File.ReadAllBytesAsync(saved);
        Assert.True(bytes.Length > PngSignature.Length, $"The download has {bytes.Length} bytes.");
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task After_a_reload_the_attendee_is_still_logged_in_and_sees_the_gallery() => RunAsync("reload", async open =>
    {
        var attendee = await open("reload");
        await attendee.LogInAndWaitForThePageAsync();
        const string prompt = "A clockwork owl reading a map of the stars";
        await attendee.GenerateAsync(prompt);

        await attendee.Page.ReloadAsync();
        await Expect(attendee.Prompt).ToBeVisibleAsync();
        await Expect(attendee.LogInButton).ToBeHiddenAsync();
        await Expect(attendee.GalleryItems).ToHaveCountAsync(1);
        await Expect(attendee.GalleryItem(prompt)).ToContainTextAsync("Ready");
        // The newest card is shown large again.
        await AttendeePage.ExpectDecodedAsync(attendee.CardImage(prompt));
        await attendee.ScreenshotAsync("after reload");
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task Two_browsers_logged_in_with_the_same_credentials_each_see_only_their_own_cards() => RunAsync("two-browsers", async open =>
    {
        var first = await open("two-browsers-a");
        var second = await open("two-browsers-b", new ViewportSize { Width = 390, Height = 844 });
        await first.LogInAndWaitForThePageAsync();
        await second.LogInAndWaitForThePageAsync();
        const string firstPrompt = "A red fox painting the aurora borealis";
        const string secondPrompt = "A blue whale flying over a desert city";

        await Task.WhenAll(first.GenerateAsync(firstPrompt), second.GenerateAsync(secondPrompt));
        await first.ScreenshotAsync("first browser");
        await second.ScreenshotAsync("second browser");

        foreach (var (attendee, own, other) in new[] { (first, firstPrompt, secondPrompt), (second, secondPrompt, firstPrompt) })
        {
            // What the page shows, and what the store lists for that session after a fresh load.
            await attendee.Page.ReloadAsync();
            await Expect(attendee.GalleryItems).ToHaveCountAsync(1);
            await Expect(attendee.GalleryItem(own)).ToHaveCountAsync(1);
            await Expect(attendee.GalleryItem(other)).ToHaveCountAsync(0);
            var cards = await CardsOfSessionAsync(attendee);
            Assert.Equal([own], cards.Select(c => c.Prompt));
            attendee.AssertNoScriptErrors();
        }
        await first.ScreenshotAsync("first browser after reload");
        await second.ScreenshotAsync("second browser after reload");
    });

    [Fact]
    public Task Too_many_cards_in_a_minute_are_refused_with_the_wait_time_in_words() => RunAsync("rate-limit", async open =>
    {
        var attendee = await open("rate-limit");
        await attendee.LogInAndWaitForThePageAsync();
        var token = await attendee.TokenAsync();

        // Use up this session's allowance straight at the Api: Cards:PerSessionPerMinute, whose default the browser system
        // keeps, counted in a window that starts with the session's first card.
        const int limit = 10;
        var answers = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < limit + 1; i++)
        {
            using var response = await system.System.Api.PostCardAsync(token, $"Filler card number {i} for the limit");
            answers.Add(response.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(System.Net.HttpStatusCode.Accepted, limit), System.Net.HttpStatusCode.TooManyRequests], answers);

        await attendee.Prompt.FillAsync("One card more than the limit allows");
        await attendee.GenerateButton.ClickAsync();
        await Expect(attendee.FormError).ToContainTextAsync(new Regex(@"Please wait \d+ (seconds?|minutes?), then try again\."));
        await Expect(attendee.GalleryItem("One card more than the limit allows")).ToHaveCountAsync(0);
        await attendee.ScreenshotAsync("too many cards");
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task Without_the_hub_the_page_polls_and_still_shows_the_finished_card() => RunAsync("polling", async open =>
    {
        var attendee = await open("polling");
        // No SignalR at all (a proxy that refuses it, say): negotiation never succeeds.
        await attendee.Page.RouteAsync(new Regex(Regex.Escape(CardsHubContract.Path + "/negotiate")), route => route.AbortAsync());
        await attendee.LogInAndWaitForThePageAsync();
        await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "polling");

        const string prompt = "A tortoise carrying a tiny lighthouse";
        await attendee.GenerateAsync(prompt);
        await attendee.ScreenshotAsync("done by polling");
        attendee.AssertNoScriptErrors();
    });

    [Fact]
    public Task A_card_that_finishes_while_the_connection_is_down_appears_after_the_reconnect() => RunAsync("reconnect", async open =>
    {
        var attendee = await open("reconnect");
        var outage = false;
        IWebSocketRoute? hubSocket = null;
        await attendee.Page.RouteWebSocketAsync(new Regex(Regex.Escape(CardsHubContract.Path)), socket =>
        {
            if (outage)
            {
                _ = socket.CloseAsync();
                return;
            }
            hubSocket = socket;
            socket.ConnectToServer();
        });
        // During the outage nothing reaches the hub (no fallback transport either) nor the card's status.
        await attendee.Page.RouteAsync(new Regex($"{Regex.Escape(CardsHubContract.Path)}|{Regex.Escape(ApiRoutes.Cards)}/[0-9a-f]{{32}}$"), route => outage ? route.AbortAsync() : route.ContinueAsync());
        await attendee.LogInAndWaitForThePageAsync();
        await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "live");

        outage = true;
        await hubSocket!.CloseAsync();
        await Expect(attendee.LiveMode).Not.ToHaveAttributeAsync("data-mode", "live");
        const string prompt = "A lantern fish lighting a sunken library";
        await attendee.Prompt.FillAsync(prompt);
        await attendee.GenerateButton.ClickAsync();
        await Expect(attendee.GalleryItem(prompt)).ToHaveCountAsync(1);
        var correlationId = await attendee.CardIdAsync(prompt);
        await attendee.ScreenshotAsync("connection down");

        await WaitUntilCompletedAsync(await attendee.TokenAsync(), correlationId);
        await Expect(attendee.CardImage(prompt)).ToHaveCountAsync(0);

        outage = false;
        await AttendeePage.ExpectDecodedAsync(attendee.CardImage(prompt), timeout: 60_000);
        await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "live", new() { Timeout = 60_000 });
        await attendee.ScreenshotAsync("back after reconnect");
        attendee.AssertNoScriptErrors();
    });

    /// <summary>GET /api/cards with the session the page keeps in localStorage.</summary>
    private async Task<IReadOnlyList<CardView>> CardsOfSessionAsync(AttendeePage attendee) => await system.System.Api.ListCardsAsync(await attendee.TokenAsync());

    /// <summary>Asks the Api (the store's view) until the card is completed, within a deadline.</summary>
    private async Task WaitUntilCompletedAsync(string token, string correlationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? status = null;
        while (DateTime.UtcNow < deadline)
        {
            status = (await system.System.Api.GetCardAsync(token, correlationId)).Status;
            if (status == "completed")
                return;
            Assert.NotEqual("failed", status);
            await Task.Delay(100);
        }
        throw new TimeoutException($"Card {correlationId} was still {status} after 60 s.");
    }

    private Task RunAsync(string name, Func<OpenPage, Task> test) => BrowserTestRun.RunAsync(system, output, name, test);
}
