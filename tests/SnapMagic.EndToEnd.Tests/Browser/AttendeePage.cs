using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// One attendee's browser tab on the SnapMagic page, driven the way a person uses it: by labels, button
/// names and alt texts. Records every status the result panel shows, and the page's script errors.
/// </summary>
public sealed class AttendeePage
{
    // Runs before the page's own script: notes each status the result panel renders, in order.
    private const string StatusRecorder = """
        window.__snapmagicStatuses = [];
        new MutationObserver(records => {
          for (const record of records) {
            const status = record.target.getAttribute && record.target.getAttribute("data-status");
            if (record.target.id === "result-body" && status) window.__snapmagicStatuses.push(status);
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-status"] });
        """;

    private readonly List<string> _scriptErrors = [];
    private readonly string _name;
    private int _step;

    private AttendeePage(IBrowserContext context, IPage page, string name)
    {
        Context = context;
        Page = page;
        _name = name;
        page.PageError += (_, error) => { lock (_scriptErrors) _scriptErrors.Add(error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (_scriptErrors) _scriptErrors.Add(message.Text);
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public ILocator Username => Page.GetByLabel("Username", new() { Exact = true });
    public ILocator Password => Page.GetByLabel("Password", new() { Exact = true });
    public ILocator LogInButton => Page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true });
    public ILocator LoginError => Page.Locator("#login-error");

    /// <summary>What both pages say to a wrong username or password.</summary>
    public const string WrongCredentialsMessage = "Wrong username or password. Please check them and try again.";
    public ILocator Prompt => Page.GetByLabel("Prompt", new() { Exact = true });
    public ILocator PromptCounter => Page.Locator("#prompt-counter");
    public ILocator GenerateButton => Page.GetByRole(AriaRole.Button, new() { Name = "Generate card", Exact = true });
    public ILocator FormError => Page.Locator("#card-form-error");
    public ILocator ResultStatus => Page.Locator("#result-status");
    public ILocator ResultPrompt => Page.Locator("#result-body .result-prompt");
    public ILocator ResultPanel => Page.Locator("#result-panel");
    public ILocator FailureNotice => Page.Locator("#result-body .notice-error");
    public ILocator TryAgainButton => Page.GetByRole(AriaRole.Button, new() { Name = "Try again", Exact = true });
    public ILocator ChangePromptButton => Page.GetByRole(AriaRole.Button, new() { Name = "Change the prompt", Exact = true });
    public ILocator Banner => Page.Locator("#banner");
    public ILocator DownloadLink => Page.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = true });
    public ILocator GalleryItems => Page.Locator("#gallery-list > li");
    public ILocator LogOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Log out", Exact = true });

    public ILocator CardImage(string prompt) => Page.GetByAltText($"Your SnapMagic card: {prompt}", new() { Exact = true });

    public static Task<AttendeePage> OpenAsync<TSystem>(BrowserSystem<TSystem> system, string name, ViewportSize? viewport = null)
        where TSystem : SnapMagicSystem, new() => OpenAsync(system.Browser, system.WebUrl, name, viewport);

    /// <summary>A fresh context of <paramref name="browser"/> on the page at <paramref name="webUrl"/> (a system without a shared browser).</summary>
    public static async Task<AttendeePage> OpenAsync(IBrowser browser, Uri webUrl, string name, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            AcceptDownloads = true,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(StatusRecorder);
        var page = await context.NewPageAsync();
        var attendee = new AttendeePage(context, page, name);
        await page.GotoAsync(webUrl.ToString());
        return attendee;
    }

    public async Task LogInAsync(string username = BrowserSystem.Username, string password = BrowserSystem.Password)
    {
        await Username.FillAsync(username);
        await Password.FillAsync(password);
        await LogInButton.ClickAsync();
    }

    public async Task LogInAndWaitForThePageAsync()
    {
        await LogInAsync();
        await Expect(Prompt).ToBeVisibleAsync();
    }

    /// <summary>Types a prompt, presses "Generate card" and waits until the finished card's image has decoded.</summary>
    public async Task<ILocator> GenerateAsync(string prompt)
    {
        await Prompt.FillAsync(prompt);
        await GenerateButton.ClickAsync();
        var image = CardImage(prompt);
        await ExpectDecodedAsync(image, timeout: 60_000);
        return image;
    }

    /// <summary>The image is shown and decodes to real pixels (a broken image has no natural width).</summary>
    public static async Task ExpectDecodedAsync(ILocator image, float timeout = 30_000)
    {
        await Expect(image).ToBeVisibleAsync(new() { Timeout = timeout });
        var width = await image.EvaluateAsync<int>("async img => { await img.decode(); return img.naturalWidth; }");
        Assert.True(width > 0, "The card image did not decode.");
    }

    public async Task<IReadOnlyList<string>> RecordedStatusesAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__snapmagicStatuses");

    public Task<string?> StoredSessionAsync() => Page.EvaluateAsync<string?>("() => localStorage.getItem('snapmagic.session')");

    public ILocator GalleryItem(string prompt) => GalleryItems.Filter(new() { HasText = prompt });

    /// <summary>The live-update line: <c>data-mode</c> is connecting, live, reconnecting or polling.</summary>
    public ILocator LiveMode => Page.Locator("#live-mode");

    public async Task<string> CardIdAsync(string prompt) =>
        await GalleryItem(prompt).GetAttributeAsync("data-card-id") ?? throw new InvalidOperationException($"No card for '{prompt}'.");

    public async Task<string> TokenAsync()
    {
        var stored = await StoredSessionAsync() ?? throw new InvalidOperationException("The page keeps no session.");
        return System.Text.Json.JsonDocument.Parse(stored).RootElement.GetProperty("token").GetString()!;
    }

    public async Task ScreenshotAsync(string step)
    {
        _step++;
        var file = $"{_name}-{_step:00}-{Regex.Replace(step, "[^a-z0-9]+", "-")}.png";
        await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSystem.ScreenshotFolder, file), FullPage = true });
    }

    /// <summary>No uncaught exception in the page's script and nothing refused by its Content-Security-Policy.</summary>
    public void AssertNoScriptErrors()
    {
        lock (_scriptErrors)
            Assert.True(_scriptErrors.Count == 0, "The page reported: " + string.Join(Environment.NewLine, _scriptErrors));
    }
}
