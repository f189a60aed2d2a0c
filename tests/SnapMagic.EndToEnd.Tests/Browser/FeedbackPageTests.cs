using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>
/// "Tell us what you think" (issue 23) in a real Chromium whose fake microphone plays a spoken sentence (espeak-ng's
/// voice when Debian's espeak-ng is installed, else a tone). These tests launch their own Chromium (microphone flags
/// are per browser) against the Browser collection's running system.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackPageTests(BrowserSystem system, ITestOutputHelper output)
{
    private const string Sentence = "I loved this booth. The cards were amazing and really fun.";

    // Runs before the page's script: keeps each microphone stream the page gets, so the test can see it stopped, and the
    // first bytes of each recording the page sends (Chromium does not show a Blob body to Playwright's request events).
    private const string StreamRecorder = """
        window.__micStreams = [];
        window.__sentRecordings = [];
        const pageFetch = window.fetch.bind(window);
        window.fetch = async (url, init) => {
          if (init && init.body instanceof Blob && String(url).endsWith("/api/feedback")) {
            const head = [...new Uint8Array(await init.body.slice(0, 4).arrayBuffer())];
            window.__sentRecordings.push({ size: init.body.size, head });
          }
          return pageFetch(url, init);
        };
        if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
          const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
          navigator.mediaDevices.getUserMedia = async (constraints) => {
            const stream = await getUserMedia(constraints);
            window.__micStreams.push(stream);
            return stream;
          };
        }
        """;

    private static readonly byte[] EbmlMagic = [0x1A, 0x45, 0xDF, 0xA3];

    [Fact]
    public async Task A_spoken_answer_is_recorded_after_the_press_cancelled_or_sent_as_webm_and_its_result_shown()
    {
        var wav = SpokenWav();
        try
        {
            await RunAsync("feedback-spoken", ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-audio-capture={wav}"], async (page, errors) =>
            {
                await LogInAsync(page);
                var posts = new List<IRequest>();
                page.Request += (_, request) => { if (IsFeedbackPost(request)) lock (posts) posts.Add(request); };
                var record = page.GetByRole(AriaRole.Button, new() { Name = "Record your answer", Exact = true });
                // Nothing asks for the microphone before the press.
                Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__micStreams.length"));

                // Cancel: nothing sent, the microphone off, the keyboard back on "Record your answer".
                await record.ClickAsync();
                var stop = page.GetByRole(AriaRole.Button, new() { Name = "Stop and send", Exact = true });
                await Expect(stop).ToBeFocusedAsync();
                await Expect(page.Locator("#feedback-countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ s left$"));
                await Expect(page.Locator("#feedback-status")).ToHaveTextAsync("Recording: speak now. It stops by itself after 20 seconds.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
                await Expect(page.Locator("#feedback-status")).ToHaveTextAsync("Recording cancelled: nothing was sent, and the microphone is off.");
                await Expect(record).ToBeFocusedAsync();
                Assert.True(await AllMicrophoneTracksEndedAsync(page), "Cancel left the microphone on.");

                // Record again, until the countdown has moved (a real recording of a couple of seconds), then send.
                await record.ClickAsync();
                await Expect(page.Locator("#feedback-countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1[0-7] s left$"), new() { Timeout = 15_000 });
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSystem.ScreenshotFolder, "feedback-spoken-recording.png"), FullPage = true });
                var answer = page.WaitForResponseAsync(r => IsFeedbackPost(r.Request));
                await stop.ClickAsync();
                var response = await answer;
                Assert.Equal(202, response.Status);
                var post = Assert.Single(posts);
                Assert.Equal("audio/webm", await post.HeaderValueAsync("content-type"));
                var sent = (await page.EvaluateAsync<JsonElement>("() => window.__sentRecordings")).EnumerateArray().Single();
                var head = sent.GetProperty("head").EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray();
                var size = sent.GetProperty("size").GetInt64();
                Assert.True(size > 1000 && head.SequenceEqual(EbmlMagic), $"The recording sent is not WebM ({size} bytes, starting {Convert.ToHexString(head)}).");
                Assert.True(await AllMicrophoneTracksEndedAsync(page), "Sending left the microphone on.");

                // The result, as the Api has it once the worker pool is done: transcript and tone, or "not transcribed here".
                var feedbackId = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("feedbackId").GetString()!;
                var status = page.Locator("#feedback-status");
                await Expect(status).Not.ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(sending|waiting)$"), new() { Timeout = 120_000 });
                var view = await FeedbackAsync(page, feedbackId);
                Assert.Equal("completed", view.GetProperty("status").GetString());
                if (view.GetProperty("transcribed").GetBoolean())
                {
                    await Expect(page.Locator(".feedback-transcript")).ToHaveTextAsync(view.GetProperty("transcript").GetString()!);
                    await Expect(page.Locator(".feedback-sentiment")).ToHaveAttributeAsync("data-sentiment", view.GetProperty("sentiment").GetString()!);
                }
                else
                {
                    await Expect(status).ToContainTextAsync("not transcribed here");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Type my answer", Exact = true }).ClickAsync();
                    await Expect(page.GetByLabel("Or type your answer", new() { Exact = true })).ToBeFocusedAsync();
                }
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSystem.ScreenshotFolder, "feedback-spoken-result.png"), FullPage = true });
                Assert.Empty(errors);
            });
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public Task A_refused_microphone_is_said_in_a_line_and_the_typed_answer_still_goes_through() =>
        // A fake microphone but no fake consent: Playwright's Chromium refuses the permission (none is granted).
        RunAsync("feedback-denied", ["--use-fake-device-for-media-stream"], async (page, errors) =>
        {
            await LogInAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record your answer", Exact = true }).ClickAsync();
            await Expect(page.Locator("#feedback-status")).ToHaveTextAsync(
                "Microphone access was not allowed, so nothing was recorded. You can type your answer below instead.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record your answer", Exact = true })).ToBeVisibleAsync();

            var text = page.GetByLabel("Or type your answer", new() { Exact = true });
            var send = page.GetByRole(AriaRole.Button, new() { Name = "Send your answer", Exact = true });
            await text.FillAsync("x");
            await send.ClickAsync();
            await Expect(page.Locator("#feedback-text-error")).ToHaveTextAsync("Please type at least 2 characters.");
            await Expect(text).ToHaveAttributeAsync("aria-invalid", "true");

            await text.FillAsync(Sentence);
            var answer = page.WaitForResponseAsync(r => IsFeedbackPost(r.Request));
            await send.ClickAsync();
            var response = await answer;
            Assert.Equal(202, response.Status);
            Assert.Equal(Sentence, JsonDocument.Parse(response.Request.PostData!).RootElement.GetProperty("text").GetString());
            await Expect(page.Locator("#feedback-status")).ToContainTextAsync("Thanks!");
            var feedbackId = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("feedbackId").GetString()!;

            // Once scored, the page shows what the Api has: the text and its tone in words.
            await Expect(page.Locator("#feedback-status")).ToHaveAttributeAsync("data-state", "completed", new() { Timeout = 120_000 });
            var view = await FeedbackAsync(page, feedbackId);
            await Expect(page.Locator(".feedback-transcript")).ToHaveTextAsync(Sentence);
            await Expect(page.Locator(".feedback-sentiment")).ToHaveAttributeAsync("data-sentiment", view.GetProperty("sentiment").GetString()!);
            Assert.Empty(errors);
        });

    private static bool IsFeedbackPost(IRequest request) => request.Method == "POST" && request.Url.EndsWith("/api/feedback", StringComparison.Ordinal);

    /// <summary>A WAV of <see cref="Sentence"/> in espeak-ng's voice, or a generated tone where espeak-ng is missing.</summary>
    private string SpokenWav()
    {
        var path = Path.Combine(Path.GetTempPath(), $"snapmagic-feedback-{Guid.NewGuid():N}.wav");
        try
        {
            using var espeak = Process.Start(new ProcessStartInfo("espeak-ng", ["-w", path, Sentence]) { RedirectStandardError = true })!;
            if (espeak.WaitForExit(30_000) && espeak.ExitCode == 0 && File.Exists(path))
                return path;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed: a tone below.
        }
        output.WriteLine("espeak-ng is not installed: the fake microphone plays a tone.");
        WriteTone(path);
        return path;
    }

    /// <summary>Three seconds of a 440 Hz tone, 16 kHz 16-bit mono PCM.</summary>
    private static void WriteTone(string path)
    {
        const int rate = 16_000, seconds = 3;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + rate * seconds * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(rate * seconds * 2);
        for (var i = 0; i < rate * seconds; i++)
            writer.Write((short)(Math.Sin(2 * Math.PI * 440 * i / rate) * 8000));
    }

    private async Task RunAsync(string name, string[] microphoneArgs, Func<IPage, List<string>, Task> test)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSystem.LaunchChromiumAsync(playwright, microphoneArgs);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        context.SetDefaultTimeout(30_000);
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
            try
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSystem.ScreenshotFolder, $"{name}-failure.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // The page is gone; the test's own failure says more.
            }
            output.WriteLine(system.System.RecentOutput());
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(BrowserSystem.Username);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserSystem.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tell us what you think" })).ToBeVisibleAsync();
    }

    private static Task<bool> AllMicrophoneTracksEndedAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => window.__micStreams.length > 0 && window.__micStreams.every(s => s.getTracks().every(t => t.readyState === 'ended'))");

    /// <summary>GET /api/feedback/{id} with the page's own session: what the Api says of the answer.</summary>
    private async Task<JsonElement> FeedbackAsync(IPage page, string feedbackId)
    {
        var session = await page.EvaluateAsync<string>("() => localStorage.getItem('snapmagic.session')");
        var token = JsonDocument.Parse(session).RootElement.GetProperty("token").GetString();
        using var api = new HttpClient { BaseAddress = system.System.App.ApiUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return JsonDocument.Parse(await api.GetStringAsync($"/api/feedback/{feedbackId}")).RootElement.Clone();
    }
}
