using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>Opens a new attendee (a fresh browser context) on the page.</summary>
public delegate Task<AttendeePage> OpenPage(string name, ViewportSize? viewport = null);

public static class BrowserTestRun
{
    /// <summary>
    /// Runs a test with fresh browser contexts, all closed afterwards; when it fails, a screenshot of every
    /// open page and the services' recent output go to the test output.
    /// </summary>
    public static async Task RunAsync<TSystem>(BrowserSystem<TSystem> system, ITestOutputHelper output, string name, Func<OpenPage, Task> test)
        where TSystem : SnapMagicSystem, new()
    {
        var pages = new List<AttendeePage>();
        try
        {
            await test(async (pageName, viewport) =>
            {
                var page = await AttendeePage.OpenAsync(system, pageName, viewport);
                pages.Add(page);
                return page;
            });
        }
        catch
        {
            foreach (var page in pages)
                await TryAsync(() => page.ScreenshotAsync("failure"));
            output.WriteLine($"Screenshots: {BrowserSystem.ScreenshotFolder}");
            output.WriteLine(system.System.RecentOutput());
            throw;
        }
        finally
        {
            foreach (var page in pages)
                await TryAsync(() => page.Context.CloseAsync());
        }
        output.WriteLine($"{name}: screenshots in {BrowserSystem.ScreenshotFolder}");
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PlaywrightException)
        {
            // The page is already gone; the original failure is what matters.
        }
    }
}
