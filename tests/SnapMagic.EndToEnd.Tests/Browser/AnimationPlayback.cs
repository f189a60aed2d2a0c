using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SnapMagic.EndToEnd.Tests.Browser;

/// <summary>What the page showed of an animation's progress, and proof that a finished animation plays where it should.</summary>
public static class AnimationPlayback
{
    /// <summary>The card template's art window (SnapMagic.Imaging's CardTemplate): inclusive pixel corners of the 688×1024 card.</summary>
    private const double CardWidth = 688, CardHeight = 1024, Left = 69, Top = 78, Right = 618, Bottom = 570;

    public sealed record Progress(string[] Statuses, string[] Texts, string[] Elapsed);

    public sealed record Playing(string Tag, int Frames);

    /// <summary>From now on, notes every animation status the result panel draws, the status line's texts and the elapsed-time lines.</summary>
    public static Task RecordProgressAsync(IPage page) => page.EvaluateAsync("""
        () => {
          const seen = window.__animation = { statuses: [], texts: [], elapsed: [] };
          const note = (list, value) => { if (value && list[list.length - 1] !== value) list.push(value); };
          const look = () => {
            note(seen.statuses, document.getElementById("result-body").dataset.animationStatus);
            note(seen.texts, document.getElementById("animation-status").textContent);
            for (const line of document.querySelectorAll(".animation-elapsed")) note(seen.elapsed, line.textContent);
          };
          new MutationObserver(look).observe(document.getElementById("result-panel"), { subtree: true, childList: true, attributes: true, characterData: true });
          look();
        }
        """);

    public static async Task<Progress> RecordedProgressAsync(IPage page)
    {
        var seen = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__animation");
        string[] Read(string name) => [.. seen.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Where(s => s != "none")];
        return new Progress(Read("statuses"), Read("texts"), Read("elapsed"));
    }

    /// <summary>
    /// The animation is over the card's art window (scaled with the card) and plays: an image that decodes and whose
    /// bytes are an animated WebP of more than one frame, or a video whose time advances.
    /// </summary>
    public static async Task<Playing> ExpectPlayingInTheArtWindowAsync(IPage page, string prompt, HttpClient? downloader = null)
    {
        var media = page.GetByLabel($"Animation of your card: {prompt}", new() { Exact = true })
            .Or(page.GetByAltText($"Animation of your card: {prompt}", new() { Exact = true }));
        await Expect(media).ToBeVisibleAsync();
        // The card's box (its image fills it; the image itself may still be in its short reveal transform).
        var card = await page.Locator("#result-body .card-stage").BoundingBoxAsync() ?? throw new InvalidOperationException("No card.");
        var box = await media.BoundingBoxAsync() ?? throw new InvalidOperationException("The animation has no box.");
        var scale = card.Width / CardWidth;
        Assert.Equal(card.Height / CardHeight, scale, 2);
        AssertNear(card.X + Left * scale, box.X, "left");
        AssertNear(card.Y + Top * scale, box.Y, "top");
        AssertNear((Right - Left + 1) * scale, box.Width, "width");
        AssertNear((Bottom - Top + 1) * scale, box.Height, "height");

        var tag = await media.EvaluateAsync<string>("m => m.tagName");
        if (tag == "IMG")
        {
            var width = await media.EvaluateAsync<int>("async img => { await img.decode(); return img.naturalWidth; }");
            Assert.True(width > 0, "The animation did not decode.");
            var url = await media.EvaluateAsync<string>("img => img.currentSrc || img.src");
            using var client = downloader ?? new HttpClient();
            var bytes = await client.GetByteArrayAsync(url);
            return new Playing(tag, CountWebpFrames(bytes));
        }

        Assert.Equal("VIDEO", tag);
        // Chromium pauses a muted autoplaying video while it is out of view (and plays it again in view): look at it, as
        // the attendee does; the page's focus on the status line below the card may have scrolled it away.
        await Expect(media).ToBeVisibleAsync();
        await media.ScrollIntoViewIfNeededAsync();
        Assert.True(await media.EvaluateAsync<bool>("v => v.muted && v.loop && v.playsInline"), "The video is not muted, looping and inline.");
        await media.EvaluateAsync("v => new Promise((resolve, reject) => { const deadline = Date.now() + 60000; const check = () => v.currentTime > 0.1 && (!v.getVideoPlaybackQuality || v.getVideoPlaybackQuality().totalVideoFrames > 1) ? resolve() : Date.now() > deadline ? reject(new Error('The video did not play: ' + (v.error ? v.error.message : 'readyState ' + v.readyState + ', paused ' + v.paused + ', currentTime ' + v.currentTime + ', duration ' + v.duration + ', hidden ' + document.hidden + ', frames ' + (v.getVideoPlaybackQuality ? v.getVideoPlaybackQuality().totalVideoFrames : '?')))) : setTimeout(check, 50); check(); })");
        return new Playing(tag, 0);
    }

    /// <summary>ANMF chunks of an animated WebP (RIFF…WEBP with VP8X and ANIM); 0 for anything else.</summary>
    public static int CountWebpFrames(byte[] bytes)
    {
        if (bytes.Length < 16 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WEBP")
            return 0;
        var frames = 0;
        for (var offset = 12; offset + 8 <= bytes.Length;)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BitConverter.ToInt32(bytes, offset + 4);
            if (id == "ANMF")
                frames++;
            offset += 8 + size + (size & 1);
        }
        return frames;
    }

    private static void AssertNear(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 2, $"The animation's {what} is {actual:0.#}px; the art window's is {expected:0.#}px.");
}
