using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using SnapMagic.EndToEnd.Tests.Browser;
using SnapMagic.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Gesture;

/// <summary>
/// Gesture rating (issue 23) in a real Chromium against the running system. Chromium's fake camera plays a
/// real thumbs-up photo (Fixtures/photos); MediaPipe Hands runs in the page from the Web's own files. These
/// tests launch their own Chromium (camera flags are per browser) and use only the Browser collection's
/// running system from its fixture.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GestureBrowserTests(BrowserSystem system, ITestOutputHelper output)
{
    // MediaPipe's WASM and WebGL run in software here, on a shared machine: seconds per frame at worst.
    private const float DetectionTimeoutMs = 240_000;

    // Runs before the page's script: keeps each camera stream the page gets, so the test can see it stopped.
    private const string StreamRecorder = """
        window.__gestureStreams = [];
        if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
          const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
          navigator.mediaDevices.getUserMedia = async (constraints) => {
            const stream = await getUserMedia(constraints);
            window.__gestureStreams.push(stream);
            return stream;
          };
        }
        """;

    private const string DeniedText = "Camera access was not allowed, so gesture rating is off. The thumbs buttons still work.";

    private static string Photo(string name) =>
        Path.Combine(RepositoryRoot.Path, "tests", "SnapMagic.EndToEnd.Tests", "Gesture", "Fixtures", "photos", name);

    [Fact]
    public async Task A_thumbs_up_shown_to_the_camera_is_detected_confirmed_and_stored_as_a_gesture_rating()
    {
        var video = Path.Combine(Path.GetTempPath(), $"snapmagic-thumbs-up-{Guid.NewGuid():N}.y4m");
        FakeCameraVideo.Write(Photo("thumbs-up.jpg"), video);
        try
        {
            await RunAsync("gesture-up",
                ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={video}"],
                async (page, errors) =>
                {
                    const string prompt = "A dragon giving a thumbs up at the booth";
                    await LogInAndGenerateAsync(page, prompt);
                    var gesture = page.GetByRole(AriaRole.Button, new() { Name = "Rate with a gesture", Exact = true });
                    await Expect(gesture).ToHaveAttributeAsync("aria-pressed", "false");
                    await Expect(page.Locator(".gesture-notice")).ToContainTextAsync("stays on this device");
                    Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('script[src*=\"mediapipe\"]').length"));

                    await gesture.ClickAsync();
                    await Expect(gesture).ToHaveAttributeAsync("aria-pressed", "true");
                    var status = page.Locator(".gesture-status");
                    await Expect(status).ToHaveTextAsync("Thumbs up detected. Send it?", new() { Timeout = DetectionTimeoutMs });
                    await Screenshot(page, "gesture-up", "detected");
                    // Detected: the camera is off already, every track of every stream the page opened.
                    Assert.True(await AllCameraTracksEndedAsync(page) && await page.EvaluateAsync<int>("() => window.__gestureStreams.length") == 1,
                        "The camera still runs after the gesture was detected.");

                    var put = page.WaitForRequestAsync(IsRatingPut);
                    var answer = page.WaitForResponseAsync(response => IsRatingPut(response.Request));
                    await page.GetByRole(AriaRole.Button, new() { Name = "Send thumbs up", Exact = true }).ClickAsync();
                    using (var body = JsonDocument.Parse((await put).PostData ?? "{}"))
                    {
                        Assert.Equal("up", body.RootElement.GetProperty("rating").GetString());
                        Assert.Equal("gesture", body.RootElement.GetProperty("source").GetString());
                    }
                    Assert.True((await answer).Ok, $"The Api answered {(await answer).Status} to the gesture rating.");

                    await Expect(page.Locator("#result-status")).ToHaveTextAsync("Thanks! You gave your card a thumbs up.");
                    await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Thumbs up", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
                    Assert.Equal("up", await StoredRatingAsync(page, prompt));
                    await Screenshot(page, "gesture-up", "sent");
                    Assert.Empty(errors);
                });
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Fact]
    public async Task The_camera_goes_off_when_turned_off_and_when_another_card_is_opened_and_nothing_is_sent()
    {
        // An open hand: MediaPipe sees a hand that is never a thumb, so the camera stays on until the page ends it.
        var video = Path.Combine(Path.GetTempPath(), $"snapmagic-open-hand-{Guid.NewGuid():N}.y4m");
        FakeCameraVideo.Write(Photo("open-hand.jpg"), video);
        try
        {
            await RunAsync("gesture-off",
                ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={video}"],
                async (page, errors) =>
                {
                    var puts = new List<string>();
                    page.Request += (_, request) => { if (IsRatingPut(request)) lock (puts) puts.Add(request.Url); };
                    const string first = "A lantern fox for the camera test";
                    const string second = "A lantern owl for the camera test";
                    await LogInAndGenerateAsync(page, first);
                    await LogInAndGenerateAsync(page, second, loggedIn: true);
                    var gesture = page.GetByRole(AriaRole.Button, new() { Name = "Rate with a gesture", Exact = true });

                    await gesture.ClickAsync();
                    await WaitForLiveCameraAsync(page, streams: 1);
                    await gesture.ClickAsync();
                    await Expect(gesture).ToHaveAttributeAsync("aria-pressed", "false");
                    await Expect(page.Locator(".gesture-status")).ToHaveTextAsync("The camera is off.");
                    Assert.True(await AllCameraTracksEndedAsync(page), "Turning the camera off left a track running.");

                    await gesture.ClickAsync();
                    await WaitForLiveCameraAsync(page, streams: 2);
                    // Watching (MediaPipe loaded and looking), then the attendee opens their other card.
                    await Expect(page.Locator(".gesture")).ToHaveAttributeAsync("data-state", "watching", new() { Timeout = DetectionTimeoutMs });
                    await page.Locator("#gallery-list > li").Filter(new() { HasText = first }).GetByRole(AriaRole.Button).ClickAsync();
                    await Expect(page.Locator("#result-body .result-prompt")).ToContainTextAsync(first);
                    await page.WaitForFunctionAsync("() => window.__gestureStreams.every(s => s.getTracks().every(t => t.readyState === 'ended'))");
                    await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rate with a gesture", Exact = true })).ToHaveAttributeAsync("aria-pressed", "false");
                    Assert.Empty(puts);
                    Assert.Empty(errors);
                });
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Fact]
    public async Task The_camera_goes_off_when_the_page_is_hidden()
    {
        var video = Path.Combine(Path.GetTempPath(), $"snapmagic-open-hand-{Guid.NewGuid():N}.y4m");
        FakeCameraVideo.Write(Photo("open-hand.jpg"), video);
        try
        {
            await RunAsync("gesture-hidden",
                ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={video}"],
                async (page, errors) =>
                {
                    await LogInAndGenerateAsync(page, "A lantern hare that hides its camera");
                    var gesture = page.GetByRole(AriaRole.Button, new() { Name = "Rate with a gesture", Exact = true });
                    await gesture.ClickAsync();
                    await WaitForLiveCameraAsync(page, streams: 1);
                    Assert.Equal("visible", await page.EvaluateAsync<string>("() => document.visibilityState"));

                    // The page is hidden as the browser tells it: visibilityState "hidden" and a visibilitychange event. Headless
                    // Chromium never hides a page by itself here (checked: neither another tab brought to the front nor a window
                    // minimized through the DevTools protocol changed visibilityState), so the test says it in the page's terms.
                    await page.EvaluateAsync("""
                        () => {
                          Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
                          Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
                          document.dispatchEvent(new Event("visibilitychange"));
                        }
                        """);
                    await page.WaitForFunctionAsync("() => window.__gestureStreams.every(s => s.getTracks().every(t => t.readyState === 'ended'))");
                    await page.EvaluateAsync("""
                        () => {
                          delete document.visibilityState;
                          delete document.hidden;
                          document.dispatchEvent(new Event("visibilitychange"));
                        }
                        """);
                    Assert.Equal("visible", await page.EvaluateAsync<string>("() => document.visibilityState"));
                    await Expect(page.Locator(".gesture-status")).ToHaveTextAsync("The camera turned off while the page was hidden.");
                    await Expect(gesture).ToHaveAttributeAsync("aria-pressed", "false");
                    Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__gestureStreams.length"));
                    Assert.Empty(errors);
                });
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Fact]
    public Task A_refused_camera_is_said_in_a_line_and_the_thumbs_buttons_still_rate() =>
        // A fake camera but no fake consent: Playwright's Chromium refuses the permission (none is granted).
        RunAsync("gesture-denied", ["--use-fake-device-for-media-stream"], async (page, errors) =>
        {
            const string prompt = "A shy owl that keeps its camera off";
            await LogInAndGenerateAsync(page, prompt);
            await page.GetByRole(AriaRole.Button, new() { Name = "Rate with a gesture", Exact = true }).ClickAsync();
            await Expect(page.Locator(".gesture-status")).ToHaveTextAsync(DeniedText);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rate with a gesture", Exact = true })).ToHaveAttributeAsync("aria-pressed", "false");
            // Refused before MediaPipe was needed: it was never loaded.
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('script[src*=\"mediapipe\"]').length"));
            await Screenshot(page, "gesture-denied", "refused");

            var put = page.WaitForRequestAsync(IsRatingPut);
            var answer = page.WaitForResponseAsync(response => IsRatingPut(response.Request));
            await page.GetByRole(AriaRole.Button, new() { Name = "Thumbs down", Exact = true }).ClickAsync();
            using (var body = JsonDocument.Parse((await put).PostData ?? "{}"))
            {
                Assert.Equal("down", body.RootElement.GetProperty("rating").GetString());
                Assert.Equal("button", body.RootElement.GetProperty("source").GetString());
            }
            Assert.True((await answer).Ok);
            await Expect(page.Locator("#result-status")).ToHaveTextAsync("Thanks! You gave your card a thumbs down.");
            Assert.Equal("down", await StoredRatingAsync(page, prompt));
            Assert.Empty(errors);
        });

    private static bool IsRatingPut(IRequest request) => request.Method == "PUT" && request.Url.EndsWith("/rating", StringComparison.Ordinal);

    private async Task RunAsync(string name, string[] cameraArgs, Func<IPage, List<string>, Task> test)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSystem.LaunchChromiumAsync(playwright, cameraArgs);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(StreamRecorder);
        var page = await context.NewPageAsync();
        var errors = BrowserSystem.WatchErrors(page);
        try
        {
            await page.GotoAsync(system.WebUrl.ToString());
            await test(page, errors);
        }
        catch
        {
            await Screenshot(page, name, "failure");
            output.WriteLine($"Screenshots: {BrowserSystem.ScreenshotFolder}");
            output.WriteLine(system.System.RecentOutput());
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task WaitForLiveCameraAsync(IPage page, int streams) =>
        await page.WaitForFunctionAsync(
            $"() => window.__gestureStreams.length === {streams} && window.__gestureStreams[{streams - 1}].getTracks().some(t => t.readyState === 'live')");

    private static Task<bool> AllCameraTracksEndedAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => window.__gestureStreams.every(s => s.getTracks().every(t => t.readyState === 'ended'))");

    private static async Task LogInAndGenerateAsync(IPage page, string prompt, bool loggedIn = false)
    {
        if (!loggedIn)
        {
            await page.GetByLabel("Username", new() { Exact = true }).FillAsync(BrowserSystem.Username);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserSystem.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        }
        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync(prompt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate card", Exact = true }).ClickAsync();
        await Expect(page.GetByAltText($"Your SnapMagic card: {prompt}", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 90_000 });
    }

    /// <summary>The rating the Api stored for the card, read back with the page's own session.</summary>
    private async Task<string?> StoredRatingAsync(IPage page, string prompt)
    {
        var cardId = await page.Locator("#gallery-list > li").Filter(new() { HasText = prompt }).GetAttributeAsync("data-card-id")
            ?? throw new InvalidOperationException($"No card for '{prompt}'.");
        var session = await page.EvaluateAsync<string>("() => localStorage.getItem('snapmagic.session')");
        var token = JsonDocument.Parse(session).RootElement.GetProperty("token").GetString();
        using var api = new HttpClient { BaseAddress = system.System.App.ApiUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var card = JsonDocument.Parse(await api.GetStringAsync($"/api/cards/{cardId}"));
        return card.RootElement.TryGetProperty("rating", out var rating) ? rating.GetString() : null;
    }

    private static async Task Screenshot(IPage page, string test, string step)
    {
        try
        {
            Directory.CreateDirectory(BrowserSystem.ScreenshotFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSystem.ScreenshotFolder, $"{test}-{step}.png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The page is gone; the test's own failure says more.
        }
    }
}
