using System.Reflection;

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

    internal const string ResourceName = "SnapMagic.Imaging.card-template.png";

    private static readonly Lazy<byte[]> PngBytes = new(ReadResource);
    private static readonly Lazy<RgbaImage> Image = new(() => Png.Decode(PngBytes.Value));
    private static readonly Lazy<byte[]> MaskPngBytes = new(() => Png.Encode(CreateMask()));

    /// <summary>A fresh copy of the template image (callers may draw on it).</summary>
    public static RgbaImage Load() => Image.Value.Clone();

    /// <summary>The shipped template file's bytes.</summary>
    public static ReadOnlyMemory<byte> LoadPng() => PngBytes.Value;

    /// <summary>The mask of <see cref="CreateMask"/> as PNG bytes (cached).</summary>
    public static ReadOnlyMemory<byte> LoadMaskPng() => MaskPngBytes.Value;

    public static bool IsInArtWindow(int x, int y) =>
        x >= ArtWindow.Left && x <= ArtWindow.Right && y >= ArtWindow.Top && y <= ArtWindow.Bottom;

    /// <summary>
    /// A pure black/white mask of the card's size: BLACK is the art window (the area an inpainting model
    /// replaces), white everywhere else. Opaque, no grey edge.
    /// </summary>
    public static RgbaImage CreateMask()
    {
        var mask = new RgbaImage(Width, Height);
        mask.FillRect(0, 0, Width, Height, Rgba.White);
        mask.FillRect(ArtWindow.Left, ArtWindow.Top, ArtWidth, ArtHeight, Rgba.Black);
        return mask;
    }

    /// <summary>Puts <paramref name="art"/> (exactly art-window sized) into a copy of the template.</summary>
    public static RgbaImage WithArt(RgbaImage art)
    {
        if (art.Width != ArtWidth || art.Height != ArtHeight)
            throw new ArgumentException($"Art must be {ArtWidth}x{ArtHeight}, not {art.Width}x{art.Height}.", nameof(art));
        var card = Load();
        card.DrawImage(art, ArtWindow.Left, ArtWindow.Top);
        return card;
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
