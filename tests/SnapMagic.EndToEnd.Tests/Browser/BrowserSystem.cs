using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// The whole system on the embedded backend (through the AppHost's code, see <see cref="SnapMagicSystem"/>)
/// and one headless Debian Chromium driven by Playwright, shared by every browser test. Browsers are
/// never downloaded: Chromium comes from the machine (tests/run.sh installs it when it is missing).
/// </summary>
public sealed class BrowserSystem : IAsyncLifetime
{
    /// <summary>The event's credentials in Development (the Api's defaults).</summary>
    public const string Username = "demo";
    public const string Password = "demo";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public EmbeddedSystem System { get; } = new();

    public Uri WebUrl => System.App.WebUrl;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Where each test step's screenshot goes: the test output folder's TestResults/screenshots.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("SNAPMAGIC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not at {ChromiumPath}. Install it (apt-get install chromium; tests/run.sh does) or set SNAPMAGIC_CHROMIUM.");

        Directory.CreateDirectory(ScreenshotFolder);
        // Fail fast, before the system starts, when the browser cannot.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
        Assertions.SetDefaultExpectTimeout(30_000);
        await System.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null)
                await _browser.CloseAsync();
            _playwright?.Dispose();
        }
        finally
        {
            await System.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystem>
{
    public const string Name = "Browser";
}
