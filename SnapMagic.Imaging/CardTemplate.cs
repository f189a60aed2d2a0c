using System.Reflection;
using SkiaSharp;

namespace SnapMagic.Imaging;

/// <summary>
/// The card template the project ships (card-template.png, painted by <see cref="CardTemplateArtist"/>),
/// its art window, and the inpainting mask that marks the window.
/// </summary>
public static class CardTemplate
{
    /// <summary>Card size in pixels: both sides multiples of 16 and inside the 320-4096 px image models accept.</summary>
    public const int Width = 688;
    public const int Height = 1024;

    /// <summary>Art window, inclusive pixel corners (69,78) to (618,570), as in the original event system.</summary>
    public static readonly (int Left, int Top, int Right, int Bottom) ArtWindow = (69, 78, 618, 570);

    public static int ArtWidth => ArtWindow.Right - ArtWindow.Left + 1;
    public static int ArtHeight => ArtWindow.Bottom - ArtWindow.Top + 1;

    /// <summary>The art window as a Skia rectangle (exclusive right and bottom).</summary>
    public static SKRectI ArtRect => new(ArtWindow.Left, ArtWindow.Top, ArtWindow.Right + 1, ArtWindow.Bottom + 1);

    /// <summary>Every card bitmap: opaque, of the card's size, in Skia's native pixel order (its fast blending paths need it).</summary>
    public static SKImageInfo Info => new(Width, Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque);

    internal const string ResourceName = "SnapMagic.Imaging.card-template.png";

    private static readonly Lazy<byte[]> PngBytes = new(ReadResource);
    private static readonly Lazy<SKBitmap> Image = new(() => ToCard(CardPng.Decode(PngBytes.Value)));
    private static readonly Lazy<byte[]> MaskPngBytes = new(() =>
    {
        using var mask = CreateMask();
        return CardPng.Encode(mask);
    });

    /// <summary>A fresh copy of the template image (callers may draw on it and must dispose it).</summary>
    public static SKBitmap Load()
    {
        var card = new SKBitmap(Info);
        Image.Value.GetPixelSpan().CopyTo(card.GetPixelSpan());
        return card;
    }

    /// <summary>The shipped template file's bytes.</summary>
    public static ReadOnlyMemory<byte> LoadPng() => PngBytes.Value;

    /// <summary>The mask of <see cref="CreateMask"/> as PNG bytes (cached).</summary>
    public static ReadOnlyMemory<byte> LoadMaskPng() => MaskPngBytes.Value;

    public static bool IsInArtWindow(int x, int y) =>
        x >= ArtWindow.Left && x <= ArtWindow.Right && y >= ArtWindow.Top && y <= ArtWindow.Bottom;

    /// <summary>
    /// A pure black/white mask of the card's size: BLACK is the art window (the area an inpainting model
    /// replaces), white everywhere else. Opaque, no grey edge (the window is pixel-aligned and drawn without anti-aliasing).
    /// </summary>
    public static SKBitmap CreateMask()
    {
        var mask = new SKBitmap(Info);
        using var canvas = new SKCanvas(mask);
        canvas.Clear(SKColors.White);
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(ArtRect, black);
        return mask;
    }

    private static SKBitmap ToCard(SKBitmap decoded)
    {
        using (decoded)
        {
            if (decoded.Width != Width || decoded.Height != Height)
                throw new InvalidOperationException($"The embedded {ResourceName} is {decoded.Width}x{decoded.Height}, not {Width}x{Height}.");
            var card = new SKBitmap(Info);
            using var pixels = decoded.PeekPixels();
            if (!pixels.ReadPixels(card.Info, card.GetPixels(), card.RowBytes))
                throw new InvalidOperationException($"The embedded {ResourceName} could not be converted to the card's pixel format.");
            return card;
        }
    }

    private static byte[] ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(CardTemplate).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
