using System.Text;
using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>A system of its own, so the event's figures are exactly the cards these tests make.</summary>
public sealed class OrganizerBrowserSystem : BrowserSystem<EmbeddedSystem>;

[CollectionDefinition(Name)]
public sealed class OrganizerBrowserCollection : ICollectionFixture<OrganizerBrowserSystem>
{
    public const string Name = "Browser, organizer";
}

/// <summary>
/// Issue 12 in a real Chromium: an attendee makes and rates cards, the organizer logs in on /organizer and
/// sees those very cards in the figures, the charts and the gallery, and downloads them as CSV. Issues 22 and 23: the
/// ratings split by source, the animation figures, the attendee's typed answer in the feedback figures and CSV, and
/// axe-core finds no serious or critical violation on the dashboard with figures, on a laptop and on a phone.
/// </summary>
[Collection(OrganizerBrowserCollection.Name)]
public sealed class OrganizerPageTests(OrganizerBrowserSystem system, ITestOutputHelper output)
{
    private const string OrganizerUsername = "organizer";
    private const string OrganizerPassword = "organizer";

    [Fact]
    public Task The_organizer_sees_the_cards_made_live_with_charts_and_downloads_them_as_CSV() => BrowserTestRun.RunAsync(system, output, "organizer", async open =>
    {
        string[] prompts = ["A dragon pouring coffee at the booth", "A fox knight, with a \"shield\" of stickers"];
        var attendee = await open("organizer-attendee");
        await attendee.LogInAndWaitForThePageAsync();
        await attendee.GenerateAsync(prompts[0]);
        var thumbsUp = attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Thumbs up", Exact = true });
        var thumbsDown = attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Thumbs down", Exact = true });
        // By keyboard: the rating buttons are ordinary buttons in a labelled group.
        await thumbsUp.FocusAsync();
        await attendee.Page.Keyboard.PressAsync("Enter");
        await Expect(thumbsUp).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(thumbsDown).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(attendee.ResultStatus).ToContainTextAsync("thumbs up");
        await Expect(attendee.Page.GetByRole(AriaRole.Group, new() { Name = "Rate this card" })).ToBeVisibleAsync();
        await attendee.ScreenshotAsync("rated");
        await attendee.GenerateAsync(prompts[1]);
        const string answer = "I loved this booth and the cards were amazing";
        await attendee.Page.GetByLabel("Or type your answer", new() { Exact = true }).FillAsync(answer);
        await attendee.Page.GetByRole(AriaRole.Button, new() { Name = "Send your answer", Exact = true }).ClickAsync();
        await Expect(attendee.Page.Locator("#feedback-status")).ToContainTextAsync("Thanks!");
        attendee.AssertNoScriptErrors();

        var organizer = await OpenDashboardAsync(open, "organizer-laptop", new ViewportSize { Width = 1280, Height = 900 });
        await Expect(organizer.Page.Locator("#kpi-completed")).ToHaveTextAsync("2");
        await Expect(organizer.Page.Locator("#kpi-accepted")).ToHaveTextAsync("of 2 accepted");
        await Expect(organizer.Page.Locator("#kpi-success")).ToHaveTextAsync("100%");
        await Expect(organizer.Page.Locator("#kpi-ratings [data-rating=up]")).ToHaveTextAsync("1");
        await Expect(organizer.Page.Locator("#kpi-ratings [data-rating=down]")).ToHaveTextAsync("0");
        await Expect(organizer.Page.GetByRole(AriaRole.Img, new() { Name = "Rated thumbs up" })).ToHaveCountAsync(1);
        // The one rating was given with the buttons; no gesture, no animation yet; one typed answer.
        await Expect(organizer.Page.Locator("#ratings-button-up")).ToHaveTextAsync("1");
        await Expect(organizer.Page.Locator("#ratings-gesture-up")).ToHaveTextAsync("0");
        await Expect(organizer.Page.Locator("#ratings-gesture-down")).ToHaveTextAsync("0");
        await Expect(organizer.Page.Locator("#animations-requested")).ToHaveTextAsync("0");
        await Expect(organizer.Page.Locator("#animations-budget")).Not.ToHaveTextAsync("–");
        await Expect(organizer.Page.Locator("#feedback-count")).ToHaveTextAsync("1");
        await Expect(organizer.Page.Locator("#kpi-feedback-note")).ToHaveTextAsync("0 spoken · 1 typed");
        var perMinute = organizer.Page.Locator("#cpm-chart");
        await Expect(perMinute).ToHaveAttributeAsync("data-total", "2");
        await Expect(perMinute).ToHaveAttributeAsync("data-points", "60");
        await Expect(organizer.Page.Locator("#ttc-chart")).Not.ToHaveAttributeAsync("data-p50", "");
        Assert.True(await HasPaintAsync(perMinute), "The cards-per-minute chart drew nothing.");
        Assert.True(await HasPaintAsync(organizer.Page.Locator("#ttc-chart")), "The time-to-card chart drew nothing.");
        await Expect(organizer.Page.Locator("#latest > li")).ToHaveCountAsync(2);
        foreach (var prompt in prompts)
            await AttendeePage.ExpectDecodedAsync(organizer.Page.GetByAltText($"Card: {prompt}", new() { Exact = true }));
        await Expect(organizer.Page.Locator("#words")).ToContainTextAsync("dragon");
        await organizer.ScreenshotAsync("dashboard");

        var download = await organizer.Page.RunAndWaitForDownloadAsync(() =>
            organizer.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV", Exact = true }).ClickAsync());
        Assert.Equal("snapmagic-cards.csv", download.SuggestedFilename);
        var csv = await ReadAsync(download);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,status,secondsToCard,failureReason,rating,ratingSource,animation,prompt", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[1..], line => Assert.Contains(",completed,", line));
        Assert.EndsWith(",up,button,,A dragon pouring coffee at the booth", lines[1]);
        Assert.EndsWith(",,,,\"A fox knight, with a \"\"shield\"\" of stickers\"", lines[2]);

        var feedbackDownload = await organizer.Page.RunAndWaitForDownloadAsync(() =>
            organizer.Page.GetByRole(AriaRole.Button, new() { Name = "Download feedback CSV", Exact = true }).ClickAsync());
        Assert.Equal("snapmagic-feedback.csv", feedbackDownload.SuggestedFilename);
        var feedbackLines = (await ReadAsync(feedbackDownload)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,kind,status,transcribed,sentiment,failureReason,text", feedbackLines[0]);
        Assert.Equal(2, feedbackLines.Length);
        Assert.Contains(",typed,", feedbackLines[1]);
        Assert.EndsWith("," + answer, feedbackLines[1]);
        await AxeCheck.AssertNoSeriousViolationsAsync(organizer.Page, "the dashboard with figures at 1280x900");
        organizer.AssertNoScriptErrors();

        var phone = await OpenDashboardAsync(open, "organizer-phone", new ViewportSize { Width = 390, Height = 844 });
        await Expect(phone.Page.Locator("#kpi-completed")).ToHaveTextAsync("2");
        await Expect(phone.Page.Locator("#cpm-chart")).ToHaveAttributeAsync("data-total", "2");
        var overflow = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The dashboard is {overflow}px wider than a phone's screen.");
        await phone.ScreenshotAsync("dashboard-phone");
        await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, "the dashboard with figures at 390x844");
        phone.AssertNoScriptErrors();
    });

    [Fact]
    public Task A_wrong_password_and_an_attendee_login_do_not_open_the_dashboard() => BrowserTestRun.RunAsync(system, output, "organizer-refused", async open =>
    {
        var page = await open("organizer-refused");
        await page.Page.GotoAsync(new Uri(system.WebUrl, "organizer").ToString());

        await AxeCheck.AssertNoSeriousViolationsAsync(page.Page, "the dashboard's login form");
        await page.LogInAsync(OrganizerUsername, "not-the-password");
        await Expect(page.LoginError).ToHaveTextAsync(AttendeePage.WrongCredentialsMessage);
        await Expect(page.Page.Locator("#dashboard")).ToBeHiddenAsync();

        await page.LogInAsync(BrowserSystem.Username, BrowserSystem.Password);

        await Expect(page.LoginError).ToContainTextAsync("organizer's");
        await Expect(page.Page.Locator("#dashboard")).ToBeHiddenAsync();
        page.AssertNoScriptErrors();
    });

    private async Task<AttendeePage> OpenDashboardAsync(OpenPage open, string name, ViewportSize viewport)
    {
        var page = await open(name, viewport);
        await page.Page.GotoAsync(new Uri(system.WebUrl, "organizer").ToString());
        await page.LogInAsync(OrganizerUsername, OrganizerPassword);
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Event dashboard", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#dashboard")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Whether the chart's canvas has any painted (non-transparent) pixel.</summary>
    private static Task<bool> HasPaintAsync(ILocator canvas) => canvas.EvaluateAsync<bool>("""
        c => {
          const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
          return false;
        }
        """);

    private static async Task<string> ReadAsync(IDownload download)
    {
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path, Encoding.UTF8);
    }
}
