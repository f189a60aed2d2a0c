using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

public sealed class PngTests
{
    [Fact]
    public void OpaqueImageRoundTripsThroughRgb()
    {
        var image = Noise(37, 23, opaque: true);
        var png = Png.Encode(image);
        Assert.True(Png.HasSignature(png));
        Assert.Equal(2, png[25]); // IHDR colour type: truecolour
        Assert.Equal(image.Pixels, Png.Decode(png).Pixels);
    }

    [Fact]
    public void TranslucentImageRoundTripsThroughRgba()
    {
        var image = Noise(64, 9, opaque: false);
        var png = Png.Encode(image, CompressionLevel.Fastest);
        Assert.Equal(6, png[25]); // truecolour with alpha
        var decoded = Png.Decode(png);
        Assert.Equal((64, 9), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void EveryChunkCarriesTheRightCrc()
    {
        var png = Png.Encode(Noise(5, 5, opaque: true));
        var position = 8;
        var types = new List<string>();
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            types.Add(Encoding.ASCII.GetString(png, position + 4, 4));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.Equal(Crc32.Compute(png.AsSpan(position + 4, 4 + length)), crc);
            position += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void DecodesGreyPaletteAndSixteenBitImages()
    {
        // 2x1 grey: black, white.
        var grey = Decode(BuildPng(2, 1, 8, 0, [0, 0, 255]));
        Assert.Equal(new Rgba(0, 0, 0), grey.GetPixel(0, 0));
        Assert.Equal(new Rgba(255, 255, 255), grey.GetPixel(1, 0));

        // 3x1 palette at bit depth 2 with a tRNS entry: red (half transparent), green, blue.
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        var indexed = Decode(BuildPng(3, 1, 2, 3, [0, 0b00_01_10_00], ("PLTE", palette), ("tRNS", [128])));
        Assert.Equal(new Rgba(255, 0, 0, 128), indexed.GetPixel(0, 0));
        Assert.Equal(new Rgba(0, 255, 0), indexed.GetPixel(1, 0));
        Assert.Equal(new Rgba(0, 0, 255), indexed.GetPixel(2, 0));

        // 1x1 RGB at 16 bits per channel: the high bytes are kept.
        var deep = Decode(BuildPng(1, 1, 16, 2, [0, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC]));
        Assert.Equal(new Rgba(0x12, 0x56, 0x9A), deep.GetPixel(0, 0));

        // 2x1 grey + alpha with the Sub filter.
        var greyAlpha = Decode(BuildPng(2, 1, 8, 4, [1, 100, 200, 10, 5]));
        Assert.Equal(new Rgba(100, 100, 100, 200), greyAlpha.GetPixel(0, 0));
        Assert.Equal(new Rgba(110, 110, 110, 205), greyAlpha.GetPixel(1, 0));
    }

    public static TheoryData<string, byte[]> MalformedInputs()
    {
        var valid = Png.Encode(Noise(8, 8, opaque: true));
        var badCrc = (byte[])valid.Clone();
        badCrc[20] ^= 0xFF; // inside IHDR's width
        var hugeLength = (byte[])valid.Clone();
        BinaryPrimitives.WriteInt32BigEndian(hugeLength.AsSpan(33), int.MaxValue); // IDAT length
        return new()
        {
            { "empty", [] },
            { "not a png", "GIF89a not a png at all"u8.ToArray() },
            { "signature only", valid[..8] },
            { "truncated mid-file", valid[..(valid.Length / 2)] },
            { "no IEND", valid[..^12] },
            { "bad CRC", badCrc },
            { "chunk longer than the file", hugeLength },
            { "IDAT is not zlib", BuildPng(2, 2, 8, 0, null, ("IDAT", [1, 2, 3, 4, 5, 6])) },
            { "too little pixel data", BuildPng(100, 100, 8, 2, [0, 1, 2, 3]) },
            { "unknown filter type", BuildPng(1, 1, 8, 0, [9, 0]) },
            { "zero width", BuildPng(0, 1, 8, 0, [0]) },
            { "absurd size", BuildPng(100_000, 100_000, 8, 6, [0]) },
            { "bad bit depth", BuildPng(1, 1, 3, 2, [0, 0]) },
            { "interlaced", BuildPng(1, 1, 8, 0, [0, 0], interlace: 1) },
            { "palette without PLTE", BuildPng(1, 1, 8, 3, [0, 0]) },
            { "palette index out of range", BuildPng(1, 1, 8, 3, [0, 5], ("PLTE", [1, 2, 3])) },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void MalformedInputIsRejectedWithAClearException(string what, byte[] data)
    {
        var error = Assert.Throws<PngFormatException>(() => Png.Decode(data));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), what);
    }

    private static RgbaImage Decode(byte[] png) => Png.Decode(png);

    private static RgbaImage Noise(int width, int height, bool opaque)
    {
        var image = new RgbaImage(width, height);
        var random = new Random(42);
        random.NextBytes(image.Pixels);
        for (var i = 0; i < image.Pixels.Length / 2; i++)
            image.Pixels[i] = (byte)(i / 7); // some smooth runs too, so every filter gets chosen
        if (opaque)
            for (var i = 3; i < image.Pixels.Length; i += 4)
                image.Pixels[i] = 255;
        return image;
    }

    /// <summary>A hand-made PNG: IHDR, the given extra chunks, then the raw (already filtered) rows deflated into one IDAT, then IEND.</summary>
    private static byte[] BuildPng(int width, int height, byte depth, byte colorType, byte[]? rawRows, params (string Type, byte[] Body)[] extra) =>
        BuildPng(width, height, depth, colorType, rawRows, 0, extra);

    private static byte[] BuildPng(int width, int height, byte depth, byte colorType, byte[]? rawRows, byte interlace, params (string Type, byte[] Body)[] extra)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = depth;
        ihdr[9] = colorType;
        ihdr[12] = interlace;
        Chunk(output, "IHDR", ihdr);
        foreach (var (type, body) in extra)
            Chunk(output, type, body);
        if (rawRows is not null)
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                zlib.Write(rawRows);
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] body)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var word = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
        output.Write(word);
        output.Write(typeBytes);
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute([.. typeBytes, .. body]));
        output.Write(word);
    }
}
