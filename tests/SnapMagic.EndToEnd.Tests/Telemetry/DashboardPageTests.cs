using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Browser;
using Xunit.Abstractions;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The Aspire dashboard in the browser tests' Chromium while the system runs (anonymous mode, as tests start it): a
/// card's trace found by its correlation id with the Api's and the worker's spans, and the resources running.
/// Screenshots go to the browser tests' folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserSystem browser, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private Uri DashboardUrl => browser.System.App.DashboardUrl;

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(30_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_cards_trace_is_found_by_its_correlation_id_and_shows_the_api_and_worker_spans()
    {
        var system = browser.System;
        var correlationId = await CardRequests.MakeCardAsync(system.Api, "a fox astronaut planting a flag on the moon", () => system.RecentOutput());
        // The page is what is tested, but it can only show what has arrived: wait for the worker's last span first.
        using (var telemetry = new DashboardTelemetry(DashboardUrl))
            await telemetry.WaitForCardTracesAsync(correlationId, spans => spans.Any(s => s.Name == "cards process"));

        // The traces view filtered on the card's attribute, as an SRE types it into the filter dialog.
        var filter = Uri.EscapeDataString($"{DashboardTelemetry.CorrelationIdTag}:equals:{correlationId}");
        await _page.GotoAsync(new Uri(DashboardUrl, $"/traces?filters={filter}").ToString());
        var trace = _page.GetByText("api: POST /api/cards/");
        await Assertions.Expect(trace).ToHaveCountAsync(1);
        await ScreenshotAsync("dashboard-traces.png");

        await trace.ClickAsync();
        foreach (var name in new[] { "cards enqueue", "cards process", "model call", "image write", "status write", "notify", "cards push" })
            await Assertions.Expect(_page.GetByText(name, new() { Exact = true }).First).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-trace.png");

        // A span's details list its attributes: the correlation id is among them.
        await _page.GetByText("model call", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(_page.GetByText(correlationId).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_resources_view_shows_the_api_every_worker_replica_and_the_page_running()
    {
        await _page.GotoAsync(DashboardUrl.ToString());

        foreach (var service in browser.System.App.All)
        {
            // A replica is listed under its own id, a single resource under its name.
            var shown = service.Name.StartsWith("worker-", StringComparison.Ordinal) ? service.ResourceId : service.Name;
            await Assertions.Expect(_page.GetByRole(AriaRole.Row, new() { Name = $"Project: {shown} Running" })).ToBeVisibleAsync();
        }
        await ScreenshotAsync("dashboard-resources.png");
    }

    private async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserSystem.ScreenshotFolder, name);
        await _page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
