using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

public sealed class CardPngTests
{
    [Fact]
    public void OpaqueBitmapRoundTripsThroughRgb()
    {
        using var image = Noise(37, 23, opaque: true);
        var png = CardPng.Encode(image);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(2, png[25]); // IHDR colour type: truecolour, no alpha
        using var decoded = CardPng.Decode(png);
        Assert.Equal(Pixels(image), Pixels(decoded));
    }

    [Fact]
    public void TranslucentBitmapRoundTripsThroughRgba()
    {
        using var image = Noise(64, 9, opaque: false);
        var png = CardPng.Encode(image);
        Assert.Equal(6, png[25]); // truecolour with alpha
        using var decoded = CardPng.Decode(png);
        Assert.Equal((64, 9), (decoded.Width, decoded.Height));
        Assert.Equal(Pixels(image), Pixels(decoded));
    }

    public static TheoryData<string, byte[]> MalformedInputs()
    {
        using var image = Noise(8, 8, opaque: true);
        var valid = CardPng.Encode(image);
        var badCrc = (byte[])valid.Clone();
        badCrc[20] ^= 0xFF; // inside IHDR's width
        var hugeLength = (byte[])valid.Clone();
        hugeLength[33] = 0x7F; // IDAT's length: far past the end of the file
        return new()
        {
            { "empty", [] },
            { "not an image", "GIF89a not a picture at all"u8.ToArray() },
            { "signature only", valid[..8] },
            { "truncated mid-file", valid[..(valid.Length / 2)] },
            { "bad CRC in IHDR", badCrc },
            { "chunk longer than the file", hugeLength },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void MalformedInputIsRejectedWithAFormatException(string what, byte[] data)
    {
        var error = Assert.Throws<FormatException>(() => CardPng.Decode(data).Dispose());
        Assert.False(string.IsNullOrWhiteSpace(error.Message), what);
    }

    [Fact]
    public void AnImageBiggerThanAnyModelAnswersIsRefusedBeforeDecoding()
    {
        using var wide = new SKBitmap(new SKImageInfo(CardPng.MaxSide + 1, 1, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var error = Assert.Throws<FormatException>(() => CardPng.Decode(CardPng.Encode(wide)).Dispose());
        Assert.Contains("4097x1", error.Message);
    }

    private static byte[] Pixels(SKBitmap bitmap) => bitmap.GetPixelSpan().ToArray();

    /// <summary>Random RGBA bytes in Rgba8888 (unpremultiplied, so every value survives the round trip), with smooth runs too.</summary>
    private static SKBitmap Noise(int width, int height, bool opaque)
    {
        var image = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        var pixels = image.GetPixelSpan();
        new Random(42).NextBytes(pixels);
        for (var i = 0; i < pixels.Length / 2; i++)
            pixels[i] = (byte)(i / 7);
        if (opaque)
            for (var i = 3; i < pixels.Length; i += 4)
                pixels[i] = 255;
        return image;
    }
}
