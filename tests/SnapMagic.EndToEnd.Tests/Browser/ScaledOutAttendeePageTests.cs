using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SnapMagic.Contracts;
using SnapMagic.EndToEnd.Tests.ScaleOut;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// The attendee's page in a real Chromium against the system as <c>--api-replicas 2</c> starts it (issue 11): two Api
/// replicas behind the one Api address, no sticky sessions, sharing a Redis. The page opens its hub's WebSocket straight
/// away (a negotiated connection id would be known to one replica only), and polls when it cannot.
/// </summary>
[Collection(ScaledOutCollection.Name)]
public sealed class ScaledOutAttendeePageTests(ScaledOutBrowserSystem system, ITestOutputHelper output)
{
    private static readonly Regex HubPath = new(Regex.Escape(CardsHubContract.Path));
    private static readonly Regex CardStatusPath = new(Regex.Escape(ApiRoutes.Cards) + "/[0-9a-f]{32}$");

    [Fact]
    public Task Two_pages_connect_their_hub_without_negotiation_through_the_one_address_and_get_their_cards_pushed() => RunAsync("scaled-out-live", async open =>
    {
        var first = await open("scaled-out-live-a");
        var second = await open("scaled-out-live-b");
        var traffic = new[] { HubTraffic.Watch(first), HubTraffic.Watch(second) };
        foreach (var attendee in new[] { first, second })
        {
            // No status reads: a finished card can only arrive by a push through the backplane.
            await attendee.Page.RouteAsync(CardStatusPath, route => route.AbortAsync());
            await attendee.LogInAndWaitForThePageAsync();
            await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "live");
        }

        const string firstPrompt = "A snow leopard conducting a choir of icicles";
        const string secondPrompt = "A hermit crab moving into a teapot castle";
        await Task.WhenAll(first.GenerateAsync(firstPrompt), second.GenerateAsync(secondPrompt));
        await first.ScreenshotAsync("card pushed");
        await second.ScreenshotAsync("card pushed");

        foreach (var (attendee, own, other, seen) in new[] { (first, firstPrompt, secondPrompt, traffic[0]), (second, secondPrompt, firstPrompt, traffic[1]) })
        {
            await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card is ready!");
            await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "live");
            await Expect(attendee.GalleryItem(own)).ToContainTextAsync("Ready");
            await Expect(attendee.GalleryItem(other)).ToHaveCountAsync(0);
            Assert.Equal("completed", (await attendee.RecordedStatusesAsync())[^1]);
            // One WebSocket to the Api's one address, opened without a negotiated connection id; no negotiate request.
            var socket = Assert.Single(seen.WebSockets);
            Assert.Equal(system.System.App.ApiUrl.Authority, socket.Authority);
            Assert.DoesNotMatch("[?&]id=", socket.Query);
            Assert.Empty(seen.Negotiations);
            attendee.AssertNoScriptErrors();
        }
    });

    [Fact]
    public Task When_the_hub_cannot_connect_the_page_polls_the_replicas_and_still_shows_the_finished_card() => RunAsync("scaled-out-polling", async open =>
    {
        var attendee = await open("scaled-out-polling");
        var seen = HubTraffic.Watch(attendee);
        // A proxy that refuses WebSockets: every hub socket is closed at once, and no other transport gets through.
        await attendee.Page.RouteWebSocketAsync(HubPath, socket => socket.CloseAsync());
        await attendee.Page.RouteAsync(HubPath, route => route.AbortAsync());
        await attendee.LogInAndWaitForThePageAsync();
        await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "polling");

        const string prompt = "A kite made of maps drifting over a harbour";
        await attendee.GenerateAsync(prompt);
        await Expect(attendee.ResultStatus).ToHaveTextAsync("Your card is ready!");
        await Expect(attendee.LiveMode).ToHaveAttributeAsync("data-mode", "polling");
        await attendee.ScreenshotAsync("done by polling");

        // The card's status came from reads through the one Api address, and the page never fell back to negotiating.
        Assert.NotEmpty(seen.StatusReads);
        Assert.All(seen.StatusReads, read => Assert.Equal(system.System.App.ApiUrl.Authority, read.Authority));
        Assert.Empty(seen.Negotiations);
        attendee.AssertNoScriptErrors();
    });

    private Task RunAsync(string name, Func<OpenPage, Task> test) => BrowserTestRun.RunAsync(system, output, name, test);

    /// <summary>The hub WebSockets a page opened, its negotiate requests and its card status reads.</summary>
    private sealed class HubTraffic
    {
        public ConcurrentQueue<Uri> WebSockets { get; } = new();
        public ConcurrentQueue<Uri> Negotiations { get; } = new();
        public ConcurrentQueue<Uri> StatusReads { get; } = new();

        public static HubTraffic Watch(AttendeePage attendee)
        {
            var traffic = new HubTraffic();
            attendee.Page.WebSocket += (_, socket) =>
            {
                if (HubPath.IsMatch(socket.Url))
                    traffic.WebSockets.Enqueue(new Uri(socket.Url));
            };
            attendee.Page.Request += (_, request) =>
            {
                var url = new Uri(request.Url);
                if (url.AbsolutePath.EndsWith("/negotiate", StringComparison.Ordinal))
                    traffic.Negotiations.Enqueue(url);
                else if (request.Method == "GET" && CardStatusPath.IsMatch(url.AbsolutePath))
                    traffic.StatusReads.Enqueue(url);
            };
            return traffic;
        }
    }
}
