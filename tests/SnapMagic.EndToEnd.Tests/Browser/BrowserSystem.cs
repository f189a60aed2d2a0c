using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// A whole running system (through the AppHost's code, see <see cref="SnapMagicSystem"/>) and one headless
/// Debian Chromium driven by Playwright, shared by the browser tests of a collection. Browsers are never
/// downloaded: Chromium comes from the machine (tests/run.sh installs it when it is missing).
/// </summary>
public abstract class BrowserSystem<TSystem> : IAsyncLifetime where TSystem : SnapMagicSystem, new()
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TSystem System { get; } = new();

    public Uri WebUrl => System.App.WebUrl;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var chromium = BrowserSystem.ChromiumPath;
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium is not at {chromium}. Install it (apt-get install chromium; tests/run.sh does) or set SNAPMAGIC_CHROMIUM.");

        Directory.CreateDirectory(BrowserSystem.ScreenshotFolder);
        // Fail fast, before the system starts, when the browser cannot.
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserSystem.LaunchChromiumAsync(_playwright);
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

/// <summary>
/// The browser on the embedded backend with its local image model: the page's happy paths, and the dashboard the
/// telemetry tests read.
/// </summary>
public sealed class BrowserSystem : BrowserSystem<EmbeddedSystemWithDashboard>
{
    /// <summary>The event's credentials in Development (the Api's defaults).</summary>
    public const string Username = "demo";
    public const string Password = "demo";

    /// <summary>Where each test step's screenshot goes: the test output folder's TestResults/screenshots.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("SNAPMAGIC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>Debian's headless Chromium, with <paramref name="deviceArgs"/> (a fake camera or microphone) for a test that needs its own.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright, params string[] deviceArgs) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = [.. ChromiumArgs, .. deviceArgs] });

    /// <summary>The page's uncaught errors and its Content-Security-Policy refusals, as they happen.</summary>
    public static List<string> WatchErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (errors) errors.Add(message.Text);
        };
        return errors;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystem>
{
    public const string Name = "Browser";
}
