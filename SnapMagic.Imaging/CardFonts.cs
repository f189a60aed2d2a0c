using System.Reflection;
using SkiaSharp;

namespace SnapMagic.Imaging;

/// <summary>
/// The typefaces cards are lettered in, embedded in this assembly (DejaVu, see Fonts/LICENSE-DejaVu.txt) so
/// that no machine needs a system font and every machine letters the same way.
/// </summary>
internal static class CardFonts
{
    private static readonly Lazy<SKTypeface> TitleFace = new(() => Load("DejaVuSerif-Bold.ttf"));
    private static readonly Lazy<SKTypeface> TextFace = new(() => Load("DejaVuSans.ttf"));

    /// <summary>Names and headings: a bold serif.</summary>
    public static SKTypeface Title => TitleFace.Value;

    /// <summary>Running text: a sans serif that stays readable when small.</summary>
    public static SKTypeface Text => TextFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"SnapMagic.Imaging.Fonts.{file}";
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from {typeof(CardFonts).Assembly.GetName().Name}.");
        // Skia owns the stream from here and reads glyphs from it for the typeface's lifetime (the process).
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {name} is not a font Skia reads.");
    }
}
