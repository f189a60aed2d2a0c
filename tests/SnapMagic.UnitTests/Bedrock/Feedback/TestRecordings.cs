namespace SnapMagic.UnitTests.Bedrock.Feedback;

/// <summary>The first bytes of the recordings browsers make: enough for checks that look at the container's header.</summary>
internal static class TestRecordings
{
    /// <summary>A WAV file: RIFF/WAVE header, 16 kHz 16-bit mono, a tenth of a second of silence.</summary>
    public static byte[] Wav()
    {
        const int sampleRate = 16000, samples = 1600;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        writer.Write(new byte[samples * 2]);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>A WebM file's EBML header (DocType "webm") and some bytes after it.</summary>
    public static byte[] Webm() =>
        [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m', 0, 1, 2, 3];
}
