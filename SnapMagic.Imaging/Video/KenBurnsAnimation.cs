using ImageMagick;
using ImageMagick.Formats;
using SkiaSharp;

namespace SnapMagic.Imaging.Video;

/// <summary>
/// A slow zoom and pan (a Ken Burns move) over a card's art, drawn with Skia and encoded as a looping animated WebP
/// by Magick.NET, whose package carries ImageMagick's native code: nothing to install.
/// </summary>
public static class KenBurnsAnimation
{
    public const int FrameCount = 30;
    public const int FramesPerSecond = 12;
    /// <summary>How much of the art the last frame shows, per side (the move zooms in to this).</summary>
    public const float EndScale = 0.8f;

    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>The animated WebP of a finished card's art window, art-window sized.</summary>
    public static byte[] RenderWebP(ReadOnlyMemory<byte> cardPng)
    {
        using var art = CardArtFrame.Cut(cardPng);
        return RenderWebP(art);
    }

    /// <summary>The animated WebP of any opaque picture, of the picture's size.</summary>
    public static byte[] RenderWebP(SKBitmap art)
    {
        using var frames = new MagickImageCollection();
        foreach (var png in FramesPng(art))
        {
            var frame = new MagickImage(png, MagickFormat.Png)
            {
                AnimationDelay = (uint)(100 / FramesPerSecond), // in hundredths of a second
                GifDisposeMethod = GifDisposeMethod.None,
            };
            frames.Add(frame);
        }
        frames[0].AnimationIterations = 0; // loop for ever
        using var output = new MemoryStream();
        // The fastest method: ImageMagick's default spends seconds per animation on a size we do not need.
        frames.Write(output, new WebPWriteDefines { Method = 0, Lossless = false });
        return output.ToArray();
    }

    /// <summary>The move's frames as PNGs, in order (for an encoder other than ImageMagick's).</summary>
    public static IEnumerable<byte[]> FramesPng(SKBitmap art)
    {
        for (var i = 0; i < FrameCount; i++)
            yield return DrawFrame(art, i / (float)(FrameCount - 1));
    }

    /// <summary>One frame at <paramref name="t"/> (0..1) of the move, eased so it starts and ends gently.</summary>
    private static byte[] DrawFrame(SKBitmap art, float t)
    {
        var eased = t * t * (3 - 2 * t);
        var scale = 1 - (1 - EndScale) * eased;
        var (w, h) = (art.Width * scale, art.Height * scale);
        // Drift from the upper left towards the centre right as it zooms in.
        var source = SKRect.Create((art.Width - w) * (0.2f + 0.6f * eased), (art.Height - h) * (0.3f + 0.4f * eased), w, h);
        using var frame = new SKBitmap(new SKImageInfo(art.Width, art.Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(frame))
        using (var image = SKImage.FromBitmap(art))
            canvas.DrawImage(image, source, new SKRect(0, 0, art.Width, art.Height), Smooth);
        return CardPng.Encode(frame);
    }
}
