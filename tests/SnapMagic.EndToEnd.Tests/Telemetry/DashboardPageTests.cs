using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The AppHost's dashboard in Chromium (the system's Debian build, never a downloaded one) while the system runs:
/// the services view, and a card's trace found by its correlation id with the worker's spans in the waterfall.
/// Screenshots go to <c>screenshots/</c> in the test output folder.
/// </summary>
[Collection(EmbeddedTelemetryCollection.Name)]
public sealed class DashboardPageTests(EmbeddedSystem system, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
    private const float Timeout = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
        _page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        _page.SetDefaultTimeout(Timeout);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    [Fact]
    public async Task A_cards_trace_is_found_by_its_correlation_id_and_shows_the_workers_spans()
    {
        var correlationId = await CardRequests.MakeCardAsync(system.Api, "a fox astronaut planting a flag on the moon", () => system.RecentOutput());
        // The page is what is tested, but it can only show what has arrived: wait for the worker's last span first.
        using (var telemetry = new DashboardTelemetry(system.App.DashboardUrl))
            await telemetry.WaitForCardTracesAsync(correlationId, spans => spans.Any(s => s.Name == "cards process"));

        await _page.GotoAsync(system.App.DashboardUrl.ToString());
        await _page.GetByRole(AriaRole.Link, new() { Name = "Traces" }).ClickAsync();
        await _page.Locator("#correlation-search").FillAsync(correlationId);
        await _page.Locator("#correlation-search").PressAsync("Enter");

        var waterfall = _page.Locator("#waterfall");
        await Assertions.Expect(_page.Locator("#trace-list tr")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Assertions.Expect(waterfall).ToContainTextAsync(correlationId, new() { Timeout = Timeout });
        foreach (var name in new[] { "cards process", "model call", "image write", "status write", "notify" })
            await Assertions.Expect(waterfall.Locator($".span-row[data-service=worker][data-name='{name}']").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        foreach (var name in new[] { "POST /api/cards/", "cards enqueue", "cards push" })
            await Assertions.Expect(waterfall.Locator($".span-row[data-service=api][data-name='{name}']").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await ScreenshotAsync("dashboard-trace.png");

        // A span's row opens its attributes: the correlation id is among them.
        await waterfall.Locator(".span-row[data-name='model call']").First.ClickAsync();
        await Assertions.Expect(waterfall.Locator(".details:visible")).ToContainTextAsync(DashboardTelemetry.CorrelationIdTag);
    }

    [Fact]
    public async Task The_services_view_shows_every_service_running_with_its_console_and_live_metrics()
    {
        await _page.GotoAsync(system.App.DashboardUrl.ToString());

        var rows = _page.Locator("#service-list tr");
        await Assertions.Expect(rows).ToHaveCountAsync(system.App.Services.All.Count, new() { Timeout = Timeout });
        foreach (var service in system.App.Services.All)
        {
            var row = _page.Locator($"#service-list tr[data-name='{service.Name}']");
            await Assertions.Expect(row).ToContainTextAsync("running");
            await Assertions.Expect(row).ToContainTextAsync(service.Pid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The console of the api, searched.
        await _page.Locator("#service-list tr[data-name='api']").ClickAsync();
        await _page.Locator("#output-search").FillAsync("Now listening on");
        await Assertions.Expect(_page.Locator("#output")).ToContainTextAsync(system.App.ApiUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(_page.Locator("#live-metrics [data-metric=queueDepth]")).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-services.png");
    }

    private async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
