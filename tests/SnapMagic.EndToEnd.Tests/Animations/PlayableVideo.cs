using System.Buffers.Binary;
using System.Text;

namespace SnapMagic.EndToEnd.Tests.Animations;

/// <summary>What a browser needs to play a downloaded animation: an MP4 (its <c>ftyp</c> box first) or an animated WebP.</summary>
internal static class PlayableVideo
{
    /// <summary>An ISO BMFF file starts with a box whose type is <c>ftyp</c> (bytes 4-7), followed by others (<c>moov</c>, <c>mdat</c>).</summary>
    public static void AssertMp4(byte[] video)
    {
        Assert.True(video.Length > 1024, $"The MP4 is only {video.Length} bytes.");
        Assert.Equal("ftyp", Encoding.ASCII.GetString(video, 4, 4));
        var boxes = Boxes(video).ToList();
        Assert.Contains("moov", boxes);
        Assert.Contains("mdat", boxes);
    }

    /// <summary>A RIFF WEBP with an <c>ANIM</c> chunk and several <c>ANMF</c> frames.</summary>
    public static void AssertAnimatedWebP(byte[] video, int minFrames = 2)
    {
        Assert.Equal("RIFF", Encoding.ASCII.GetString(video, 0, 4));
        Assert.Equal("WEBP", Encoding.ASCII.GetString(video, 8, 4));
        var chunks = new List<string>();
        for (var at = 12; at + 8 <= video.Length;)
        {
            chunks.Add(Encoding.ASCII.GetString(video, at, 4));
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(video.AsSpan(at + 4));
            at += 8 + size + (size & 1);
        }
        Assert.Contains("ANIM", chunks);
        Assert.True(chunks.Count(c => c == "ANMF") >= minFrames, $"Chunks: {string.Join(' ', chunks)}");
    }

    private static IEnumerable<string> Boxes(byte[] video)
    {
        for (long at = 0; at + 8 <= video.Length;)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(video.AsSpan((int)at));
            yield return Encoding.ASCII.GetString(video, (int)at + 4, 4);
            if (size < 8)
                yield break;
            at += size;
        }
    }
}
