using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace SnapMagic.Imaging;

/// <summary>
/// A small PNG codec on <see cref="ZLibStream"/>. Encodes 8-bit RGB (when every pixel is opaque) or RGBA
/// with an adaptive filter per row. Decodes non-interlaced PNGs of every colour type at bit depth 8
/// (16 is reduced to 8; palette and grey also at 1, 2 and 4), checking every CRC.
/// Malformed input throws <see cref="PngFormatException"/>.
/// </summary>
public static class Png
{
    /// <summary>Largest side and pixel count the decoder accepts, so a hostile header cannot exhaust memory.</summary>
    public const int MaxSide = 16384;
    public const long MaxPixels = 64L * 1024 * 1024;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static byte[] Encode(RgbaImage image, CompressionLevel level = CompressionLevel.Optimal)
    {
        var opaque = image.IsOpaque();
        var channels = opaque ? 3 : 4;
        var stride = image.Width * channels;

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bit depth
        header[9] = (byte)(opaque ? 2 : 6); // colour type: truecolour or truecolour with alpha
        header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, no interlace
        WriteChunk(output, "IHDR"u8, header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
            {
                var previous = new byte[stride];
                var current = new byte[stride];
                var candidates = new byte[5][];
                for (var f = 0; f < candidates.Length; f++)
                    candidates[f] = new byte[stride + 1];
                for (var y = 0; y < image.Height; y++)
                {
                    CopyRow(image, y, channels, current);
                    zlib.Write(ChooseFilteredRow(current, previous, channels, candidates));
                    (previous, current) = (current, previous);
                }
            }
            WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    public static RgbaImage Decode(ReadOnlySpan<byte> data)
    {
        if (!HasSignature(data))
            throw new PngFormatException("Not a PNG: the 8-byte PNG signature is missing.");

        PngHeader? header = null;
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        using var idat = new MemoryStream();
        var position = Signature.Length;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (data.Length - position < 12)
                throw new PngFormatException($"Truncated PNG: a chunk header is cut off at byte {position}.");
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || length > data.Length - position - 12)
                throw new PngFormatException($"Truncated PNG: a chunk at byte {position} claims {length} bytes, more than the file holds.");
            var type = data.Slice(position + 4, 4);
            var body = data.Slice(position + 8, (int)length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
            if (Crc32.Compute(data.Slice(position + 4, 4 + (int)length)) != storedCrc)
                throw new PngFormatException($"Corrupt PNG: CRC mismatch in chunk '{ChunkName(type)}' at byte {position}.");
            position += 12 + (int)length;

            if (header is null && !type.SequenceEqual("IHDR"u8))
                throw new PngFormatException($"Malformed PNG: the first chunk is '{ChunkName(type)}', not IHDR.");

            if (type.SequenceEqual("IHDR"u8))
            {
                if (header is not null)
                    throw new PngFormatException("Malformed PNG: more than one IHDR chunk.");
                header = PngHeader.Parse(body);
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (body.Length == 0 || body.Length % 3 != 0 || body.Length > 256 * 3)
                    throw new PngFormatException($"Malformed PNG: a PLTE chunk of {body.Length} bytes.");
                palette = body.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                paletteAlpha = body.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(body);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                sawEnd = true;
            }
            else if ((type[0] & 0x20) == 0)
            {
                throw new PngFormatException($"Unsupported PNG: unknown critical chunk '{ChunkName(type)}'.");
            }
        }

        var ihdr = header!.Value;
        if (ihdr.ColorType == 3 && palette is null)
            throw new PngFormatException("Malformed PNG: an indexed-colour image without a PLTE chunk.");
        if (idat.Length == 0)
            throw new PngFormatException("Malformed PNG: no IDAT chunk (no pixel data).");

        var raw = Inflate(idat, ihdr);
        Unfilter(raw, ihdr);
        return ToRgba(raw, ihdr, palette, ihdr.ColorType == 3 ? paletteAlpha : null);
    }

    private static void CopyRow(RgbaImage image, int y, int channels, byte[] row)
    {
        var source = image.Pixels.AsSpan(y * image.Width * 4, image.Width * 4);
        if (channels == 4)
        {
            source.CopyTo(row);
            return;
        }
        for (int s = 0, d = 0; s < source.Length; s += 4, d += 3)
        {
            row[d] = source[s];
            row[d + 1] = source[s + 1];
            row[d + 2] = source[s + 2];
        }
    }

    // The usual heuristic: try the five filters and keep the row with the smallest sum of |signed bytes|.
    private static byte[] ChooseFilteredRow(byte[] row, byte[] previous, int bpp, byte[][] candidates)
    {
        var best = candidates[0];
        var bestScore = long.MaxValue;
        for (var filter = 0; filter < 5; filter++)
        {
            var output = candidates[filter];
            output[0] = (byte)filter;
            var score = Filter(filter, row, previous, bpp, output.AsSpan(1));
            if (score < bestScore)
            {
                bestScore = score;
                best = output;
            }
        }
        return best;
    }

    private static long Filter(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        var n = row.Length;
        switch (filter)
        {
            case 0:
                row.CopyTo(output);
                break;
            case 1:
                row[..bpp].CopyTo(output);
                Subtract(row[bpp..], row[..(n - bpp)], output[bpp..]);
                break;
            case 2:
                Subtract(row, previous, output);
                break;
            case 3:
                for (var i = 0; i < bpp; i++)
                    output[i] = (byte)(row[i] - (previous[i] >> 1));
                for (var i = bpp; i < n; i++)
                    output[i] = (byte)(row[i] - ((row[i - bpp] + previous[i]) >> 1));
                break;
            default:
                for (var i = 0; i < bpp; i++)
                    output[i] = (byte)(row[i] - previous[i]);
                for (var i = bpp; i < n; i++)
                    output[i] = (byte)(row[i] - Paeth(row[i - bpp], previous[i], previous[i - bpp]));
                break;
        }
        return SumOfMagnitudes(output);
    }

    private static void Subtract(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> output)
    {
        var i = 0;
        for (; i <= left.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            (new Vector<byte>(left[i..]) - new Vector<byte>(right[i..])).CopyTo(output[i..]);
        for (; i < left.Length; i++)
            output[i] = (byte)(left[i] - right[i]);
    }

    // Σ |(sbyte)b|: the filter heuristic's score, vectorised because it runs five times per row.
    private static long SumOfMagnitudes(ReadOnlySpan<byte> data)
    {
        long total = 0;
        var i = 0;
        while (i <= data.Length - Vector<byte>.Count)
        {
            var sums = Vector<ushort>.Zero;
            // Each step adds at most 2 × 128 per ushort lane: flush well before 65535.
            for (var steps = 0; steps < 200 && i <= data.Length - Vector<byte>.Count; steps++, i += Vector<byte>.Count)
            {
                var magnitude = Vector.AsVectorByte(Vector.Abs(Vector.AsVectorSByte(new Vector<byte>(data[i..]))));
                Vector.Widen(magnitude, out var low, out var high);
                sums += low + high;
            }
            Vector.Widen(sums, out var lowSums, out var highSums);
            total += Vector.Sum(lowSums + highSums);
        }
        for (; i < data.Length; i++)
            total += Math.Abs((int)(sbyte)data[i]);
        return total;
    }

    private static byte[] Inflate(MemoryStream idat, PngHeader header)
    {
        var expected = checked((long)header.Height * (header.RowBytes + 1));
        var raw = new byte[expected];
        idat.Position = 0;
        try
        {
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            var filled = 0;
            while (filled < raw.Length)
            {
                var read = zlib.Read(raw, filled, raw.Length - filled);
                if (read == 0)
                    throw new PngFormatException($"Truncated PNG: the image data holds {filled} bytes, {raw.Length} expected for {header.Width}x{header.Height}.");
                filled += read;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new PngFormatException($"Corrupt PNG: the compressed image data is invalid ({ex.Message}).", ex);
        }
        return raw;
    }

    private static void Unfilter(byte[] raw, PngHeader header)
    {
        var stride = header.RowBytes;
        var bpp = Math.Max(1, header.BitsPerPixel / 8);
        for (var y = 0; y < header.Height; y++)
        {
            var rowStart = y * (stride + 1);
            var filter = raw[rowStart];
            var row = raw.AsSpan(rowStart + 1, stride);
            var previous = y == 0 ? Span<byte>.Empty : raw.AsSpan(rowStart - stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = y > 0 ? previous[i] : 0, c = i >= bpp && y > 0 ? previous[i - bpp] : 0;
                row[i] += filter switch
                {
                    0 => 0,
                    1 => (byte)a,
                    2 => (byte)b,
                    3 => (byte)((a + b) >> 1),
                    4 => (byte)Paeth(a, b, c),
                    _ => throw new PngFormatException($"Corrupt PNG: unknown filter type {filter} on row {y}."),
                };
            }
        }
    }

    private static RgbaImage ToRgba(byte[] raw, PngHeader header, byte[]? palette, byte[]? paletteAlpha)
    {
        var image = new RgbaImage(header.Width, header.Height);
        var pixels = image.Pixels;
        var stride = header.RowBytes;
        var depth = header.BitDepth;
        var bytesPerSample = depth == 16 ? 2 : 1;
        for (var y = 0; y < header.Height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (var x = 0; x < header.Width; x++)
            {
                var o = (y * header.Width + x) * 4;
                switch (header.ColorType)
                {
                    case 0:
                        var grey = depth < 8 ? ScaleSubByte(SubByteSample(row, x, depth), depth) : row[x * bytesPerSample];
                        pixels[o] = pixels[o + 1] = pixels[o + 2] = grey;
                        pixels[o + 3] = 255;
                        break;
                    case 2:
                        pixels[o] = row[x * 3 * bytesPerSample];
                        pixels[o + 1] = row[(x * 3 + 1) * bytesPerSample];
                        pixels[o + 2] = row[(x * 3 + 2) * bytesPerSample];
                        pixels[o + 3] = 255;
                        break;
                    case 3:
                        var index = depth < 8 ? SubByteSample(row, x, depth) : row[x];
                        if (index * 3 + 2 >= palette!.Length)
                            throw new PngFormatException($"Corrupt PNG: pixel ({x},{y}) uses palette entry {index}, the palette has {palette.Length / 3}.");
                        pixels[o] = palette[index * 3];
                        pixels[o + 1] = palette[index * 3 + 1];
                        pixels[o + 2] = palette[index * 3 + 2];
                        pixels[o + 3] = paletteAlpha is not null && index < paletteAlpha.Length ? paletteAlpha[index] : (byte)255;
                        break;
                    case 4:
                        pixels[o] = pixels[o + 1] = pixels[o + 2] = row[x * 2 * bytesPerSample];
                        pixels[o + 3] = row[(x * 2 + 1) * bytesPerSample];
                        break;
                    default:
                        for (var c = 0; c < 4; c++)
                            pixels[o + c] = row[(x * 4 + c) * bytesPerSample];
                        break;
                }
            }
        }
        return image;
    }

    private static int SubByteSample(ReadOnlySpan<byte> row, int x, int depth)
    {
        var bit = x * depth;
        return (row[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }

    private static byte ScaleSubByte(int sample, int depth) => (byte)(sample * 255 / ((1 << depth) - 1));

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
        output.Write(word);
        output.Write(type);
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0xFFFFFFFFu, type), body) ^ 0xFFFFFFFFu);
        output.Write(word);
    }

    private static string ChunkName(ReadOnlySpan<byte> type)
    {
        Span<char> name = stackalloc char[4];
        for (var i = 0; i < 4; i++)
            name[i] = type[i] is >= 0x20 and < 0x7F ? (char)type[i] : '?';
        return new string(name);
    }

    private readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType)
    {
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        public int BitsPerPixel => Channels * BitDepth;
        public int RowBytes => (int)(((long)Width * BitsPerPixel + 7) / 8);

        public static PngHeader Parse(ReadOnlySpan<byte> body)
        {
            if (body.Length != 13)
                throw new PngFormatException($"Malformed PNG: IHDR has {body.Length} bytes, 13 expected.");
            var width = BinaryPrimitives.ReadUInt32BigEndian(body);
            var height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
            int depth = body[8], colorType = body[9];
            if (width == 0 || height == 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
                throw new PngFormatException($"Unsupported PNG: {width}x{height} is outside 1..{MaxSide} per side (at most {MaxPixels} pixels).");
            var depthAllowed = colorType switch
            {
                0 => depth is 1 or 2 or 4 or 8 or 16,
                3 => depth is 1 or 2 or 4 or 8,
                2 or 4 or 6 => depth is 8 or 16,
                _ => throw new PngFormatException($"Malformed PNG: colour type {colorType} does not exist."),
            };
            if (!depthAllowed)
                throw new PngFormatException($"Malformed PNG: bit depth {depth} is not allowed for colour type {colorType}.");
            if (body[10] != 0 || body[11] != 0)
                throw new PngFormatException("Malformed PNG: unknown compression or filter method.");
            if (body[12] != 0)
                throw new PngFormatException("Unsupported PNG: interlaced (Adam7) images are not supported.");
            return new((int)width, (int)height, depth, colorType);
        }
    }
}
