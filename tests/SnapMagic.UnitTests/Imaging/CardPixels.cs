using System.Runtime.InteropServices;
using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

/// <summary>A decoded card's pixels as RGBA words (R in the low byte), for comparing cards pixel by pixel.</summary>
internal sealed class CardPixels
{
    private readonly uint[] _pixels;

    private CardPixels(SKBitmap bitmap)
    {
        Width = bitmap.Width;
        Height = bitmap.Height;
        _pixels = MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan()).ToArray();
    }

    public int Width { get; }
    public int Height { get; }

    public uint this[int x, int y] => _pixels[y * Width + x];

    public bool IsOpaque => _pixels.All(p => p >> 24 == 0xFF);

    /// <summary>How many pixels of the art window differ between this card and <paramref name="other"/>.</summary>
    public int ArtPixelsDifferentFrom(CardPixels other)
    {
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        var different = 0;
        for (var y = top; y <= bottom; y++)
            for (var x = left; x <= right; x++)
                if (this[x, y] != other[x, y])
                    different++;
        return different;
    }

    public static CardPixels Decode(ReadOnlySpan<byte> png)
    {
        using var bitmap = CardPng.Decode(png);
        return new(bitmap);
    }

    /// <summary>Any bitmap, through a PNG round trip (lossless) so every bitmap reads in the same byte order.</summary>
    public static CardPixels Of(SKBitmap bitmap) => Decode(CardPng.Encode(bitmap));

    public static CardPixels Template() => Decode(CardTemplate.LoadPng().Span);

    public static uint Rgba(byte r, byte g, byte b, byte a = 255) => (uint)(a << 24 | b << 16 | g << 8 | r);
}
