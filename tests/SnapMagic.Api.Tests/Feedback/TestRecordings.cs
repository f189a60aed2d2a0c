using System.Buffers.Binary;

namespace SnapMagic.Api.Tests.Feedback;

/// <summary>Bodies shaped as browsers' recordings begin: a WebM file's EBML header, a WAV file's RIFF/WAVE header.</summary>
internal static class TestRecordings
{
    /// <summary>EBML header (EBMLVersion 1, DocType "webm"), then a Segment's id and filler as Opus frames would follow.</summary>
    public static readonly byte[] Webm =
    [
        0x1A, 0x45, 0xDF, 0xA3, 0x9F,
        0x42, 0x86, 0x81, 0x01,
        0x42, 0xF7, 0x81, 0x01,
        0x42, 0xF2, 0x81, 0x04,
        0x42, 0xF3, 0x81, 0x08,
        0x42, 0x82, 0x84, .. "webm"u8,
        0x42, 0x87, 0x81, 0x04,
        0x42, 0x85, 0x81, 0x02,
        0x18, 0x53, 0x80, 0x67, .. Enumerable.Range(0, 2000).Select(i => (byte)(i % 256)),
    ];

    /// <summary>A Matroska file (an EBML header whose DocType is "matroska"), which is not what the page records.</summary>
    public static readonly byte[] Matroska = [0x1A, 0x45, 0xDF, 0xA3, 0x93, 0x42, 0x82, 0x88, .. "matroska"u8, 0x42, 0x87, 0x81, 0x04, 0x18, 0x53, 0x80, 0x67];

    /// <summary>Half a second of 16 kHz 16-bit mono PCM silence with its 44-byte header.</summary>
    public static byte[] Wav(int sampleCount = 8000)
    {
        var dataBytes = sampleCount * 2;
        var wav = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 16_000);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 32_000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), dataBytes);
        return wav;
    }
}
