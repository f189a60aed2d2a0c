using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Browser;
using Xunit.Abstractions;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The Aspire dashboard's metrics view in Chromium after cards are made: the Api's and the worker's own instruments
/// listed under their resource, with values that account for the cards. Other tests of the collection make cards on
/// the same system, so the running totals are at least this test's cards. Screenshots go to the browser tests' folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardMetricsTests(BrowserSystem browser, ITestOutputHelper output) : IAsyncLifetime
{
    private const string ApiMeter = "SnapMagic.Api";
    private const string WorkerMeter = "SnapMagic.Worker";

    private static readonly string[] Prompts = ["a lighthouse keeper feeding seagulls at dawn", "a robot chess player in a rainy park"];

    private IBrowserContext _context = null!;
    private DashboardMetricsPage _metrics = null!;

    private Uri DashboardUrl => browser.System.App.DashboardUrl;

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await _context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        _metrics = new DashboardMetricsPage(page, DashboardUrl, output.WriteLine);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_api_and_the_worker_replicas_that_made_the_cards_show_their_instruments_with_the_cards_counted()
    {
        var cardsByReplica = await MakeCardsAsync();

        await CheckAsync("dashboard-metrics-api-accepted.png", () =>
            _metrics.WaitForNewestValueAsync("api", ApiMeter, "snapmagic.api.cards.accepted", min: Prompts.Length));
        await CheckAsync("dashboard-metrics-api-accept-duration.png", () =>
            _metrics.WaitForNewestValueAsync("api", ApiMeter, "snapmagic.api.cards.accept.duration", min: Prompts.Length, count: true));

        foreach (var (replica, cards) in cardsByReplica)
        {
            await CheckAsync($"dashboard-metrics-{replica}-completed.png", () =>
                _metrics.WaitForNewestValueAsync(replica, WorkerMeter, "snapmagic.cards.completed", min: cards));
            // Every card took at least one model call.
            await CheckAsync($"dashboard-metrics-{replica}-model-latency.png", () =>
                _metrics.WaitForNewestValueAsync(replica, WorkerMeter, "snapmagic.model.latency", min: cards, count: true));
            // The depth is split by state, and the queue is empty again once the cards are done.
            await CheckAsync($"dashboard-metrics-{replica}-queue-depth.png", async () =>
            {
                var depth = await _metrics.WaitForNewestValueAsync(replica, WorkerMeter, "snapmagic.queue.depth", min: 0, max: 0);
                await Assertions.Expect(_metrics.DimensionValues("state")).ToContainTextAsync(["in_flight", "visible"]);
                return depth;
            });
        }
    }

    /// <summary>Makes the cards one after another and returns, per worker replica (its resource id), how many of them it made.</summary>
    private async Task<IReadOnlyDictionary<string, int>> MakeCardsAsync()
    {
        var system = browser.System;
        var replicas = system.App.All.Where(s => s.Name.StartsWith("worker-", StringComparison.Ordinal)).Select(s => s.ResourceId).ToHashSet();
        var cardsByReplica = new Dictionary<string, int>();
        using var telemetry = new DashboardTelemetry(DashboardUrl);
        foreach (var prompt in Prompts)
        {
            var correlationId = await CardRequests.MakeCardAsync(system.Api, prompt, () => system.RecentOutput());
            var traces = await telemetry.WaitForCardTracesAsync(correlationId, spans => spans.Any(s => s.Name == "cards process"));
            var process = traces.SelectMany(t => t.Spans).First(s => s.Name == "cards process");
            var replica = $"{process.Service}-{process.Instance}";
            Assert.Contains(replica, replicas);
            cardsByReplica[replica] = cardsByReplica.GetValueOrDefault(replica) + 1;
        }
        output.WriteLine($"Cards per worker replica: {string.Join(", ", cardsByReplica.Select(r => $"{r.Key}: {r.Value}"))}");
        return cardsByReplica;
    }

    /// <summary>Runs one check of the page and screenshots it, also when it fails (with the services' recent output).</summary>
    private async Task CheckAsync(string screenshot, Func<Task<double>> check)
    {
        var path = Path.Combine(BrowserSystem.ScreenshotFolder, screenshot);
        try
        {
            output.WriteLine($"{Path.GetFileNameWithoutExtension(screenshot)}: {await check()}");
        }
        catch
        {
            await _metrics.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
            output.WriteLine($"Screenshot: {path}");
            output.WriteLine(browser.System.RecentOutput());
            throw;
        }
        await _metrics.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
