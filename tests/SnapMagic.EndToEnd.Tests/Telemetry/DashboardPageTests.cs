using System.Globalization;
using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Browser;
using Xunit.Abstractions;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The AppHost's dashboard in the browser tests' Chromium while the system runs: the services view, and a card's
/// trace found by its correlation id with the worker's spans in the waterfall. Screenshots go to the browser tests' folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserSystem browser, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private Uri DashboardUrl => browser.System.App.DashboardUrl;

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(30_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_cards_trace_is_found_by_its_correlation_id_and_shows_the_workers_spans()
    {
        var system = browser.System;
        var correlationId = await CardRequests.MakeCardAsync(system.Api, "a fox astronaut planting a flag on the moon", () => system.RecentOutput());
        // The page is what is tested, but it can only show what has arrived: wait for the worker's last span first.
        using (var telemetry = new DashboardTelemetry(DashboardUrl))
            await telemetry.WaitForCardTracesAsync(correlationId, spans => spans.Any(s => s.Name == "cards process"));

        await _page.GotoAsync(DashboardUrl.ToString());
        await _page.GetByRole(AriaRole.Link, new() { Name = "Traces" }).ClickAsync();
        await _page.Locator("#correlation-search").FillAsync(correlationId);
        await _page.Locator("#correlation-search").PressAsync("Enter");

        var waterfall = _page.Locator("#waterfall");
        await Assertions.Expect(_page.Locator("#trace-list tr")).ToHaveCountAsync(1);
        await Assertions.Expect(waterfall).ToContainTextAsync(correlationId);
        foreach (var name in new[] { "cards process", "model call", "image write", "status write", "notify" })
            await Assertions.Expect(waterfall.Locator($".span-row[data-service=worker][data-name='{name}']").First).ToBeVisibleAsync();
        foreach (var name in new[] { "POST /api/cards/", "cards enqueue", "cards push" })
            await Assertions.Expect(waterfall.Locator($".span-row[data-service=api][data-name='{name}']").First).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-trace.png");

        // A span's row opens its attributes: the correlation id is among them.
        await waterfall.Locator(".span-row[data-name='model call']").First.ClickAsync();
        await Assertions.Expect(waterfall.Locator(".details:visible")).ToContainTextAsync(DashboardTelemetry.CorrelationIdTag);
    }

    [Fact]
    public async Task The_services_view_shows_every_service_running_with_its_console_and_live_metrics()
    {
        var app = browser.System.App;
        await _page.GotoAsync(DashboardUrl.ToString());

        await Assertions.Expect(_page.Locator("#service-list tr")).ToHaveCountAsync(app.Services.All.Count);
        foreach (var service in app.Services.All)
        {
            var row = _page.Locator($"#service-list tr[data-name='{service.Name}']");
            await Assertions.Expect(row).ToContainTextAsync("running");
            await Assertions.Expect(row).ToContainTextAsync(service.Pid!.Value.ToString(CultureInfo.InvariantCulture));
        }

        // The console of the api, searched.
        await _page.Locator("#service-list tr[data-name='api']").ClickAsync();
        await _page.Locator("#output-search").FillAsync("Now listening on");
        await Assertions.Expect(_page.Locator("#output")).ToContainTextAsync(app.ApiUrl.Port.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(_page.Locator("#live-metrics [data-metric=queueDepth]")).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-services.png");
    }

    private async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserSystem.ScreenshotFolder, name);
        await _page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
