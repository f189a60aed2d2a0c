using SkiaSharp;

namespace SnapMagic.Imaging;

/// <summary>PNG in and out of the RGBA bitmaps every card is drawn on.</summary>
public static class CardPng
{
    /// <summary>No image model answers with a side longer than this; refusing bigger files bounds the memory a bad answer can take.</summary>
    public const int MaxSide = 4096;

    // Measured on a card: the Up filter with zlib level 1 encodes about 4x faster than libpng's defaults
    // (all filters, level 6) for files about a third bigger.
    private static readonly SKPngEncoderOptions Fast = new(SKPngEncoderFilterFlags.Up, zLibLevel: 1);

    /// <summary>Decodes PNG (or any format Skia reads) into an RGBA bitmap; <see cref="FormatException"/> when it cannot.</summary>
    public static SKBitmap Decode(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new FormatException("The bytes are not an image Skia can read.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide)
            throw new FormatException($"The image is {width}x{height}; each side must be 1-{MaxSide} px.");
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new FormatException($"The image could not be decoded: {result}.");
        }
        return bitmap;
    }

    /// <summary>Encodes <paramref name="bitmap"/> as PNG, fast rather than small (an opaque bitmap is written as RGB).</summary>
    public static byte[] Encode(SKBitmap bitmap)
    {
        if (bitmap.AlphaType != SKAlphaType.Opaque)
            return Encode(bitmap.PeekPixels());

        // Skia's encoder turns BGRA into PNG's RGB slowly (a third of the encoding time) but takes RGBX rows
        // as they are: swizzle to RGBA (fast), then hand those bytes over as RGBX.
        using var rgba = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var source = bitmap.PeekPixels())
            if (!source.ReadPixels(rgba.Info, rgba.GetPixels(), rgba.RowBytes))
                throw new InvalidOperationException($"Skia could not convert {bitmap.ColorType} pixels to RGBA.");
        using var rgbx = new SKPixmap(rgba.Info.WithColorType(SKColorType.Rgb888x), rgba.GetPixels(), rgba.RowBytes);
        return Encode(rgbx);
    }

    private static byte[] Encode(SKPixmap pixels)
    {
        using var png = pixels.Encode(Fast) ?? throw new InvalidOperationException("Skia could not encode the bitmap as PNG.");
        return png.ToArray();
    }
}
