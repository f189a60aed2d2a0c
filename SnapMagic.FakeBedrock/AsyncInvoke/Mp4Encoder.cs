using System.Diagnostics;
using SkiaSharp;
using SnapMagic.Imaging.Video;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// A real, small H.264 MP4 of a <see cref="KenBurnsAnimation"/>, encoded by Debian's <c>ffmpeg</c> (PNG frames piped
/// in). No served .NET library encodes MP4 by itself; where no ffmpeg is installed the fake falls back to the
/// animation's WebP bytes and says so in <see cref="FakeBedrockServer.AsyncInvokeVideoFormat"/>.
/// </summary>
internal static class Mp4Encoder
{
    private static readonly Lazy<string?> Ffmpeg = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "ffmpeg"))
            .FirstOrDefault(File.Exists));

    public static bool IsAvailable => Ffmpeg.Value is not null;

    public static async Task<byte[]> EncodeAsync(SKBitmap art, CancellationToken cancellationToken = default)
    {
        var output = Path.Combine(Path.GetTempPath(), $"fake-bedrock-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo(Ffmpeg.Value ?? throw new InvalidOperationException("ffmpeg is not installed."))
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-hide_banner", "-loglevel", "error", "-f", "image2pipe", "-framerate", KenBurnsAnimation.FramesPerSecond.ToString(),
            "-c:v", "png", "-i", "pipe:0", "-c:v", "libx264", "-pix_fmt", "yuv420p",
            // H.264 in 4:2:0 needs even sides.
            "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-movflags", "+faststart", "-y", output,
        })
            start.ArgumentList.Add(argument);
        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        try
        {
            var errors = ffmpeg.StandardError.ReadToEndAsync(cancellationToken);
            foreach (var frame in KenBurnsAnimation.FramesPng(art))
                await ffmpeg.StandardInput.BaseStream.WriteAsync(frame, cancellationToken);
            ffmpeg.StandardInput.Close();
            await ffmpeg.WaitForExitAsync(cancellationToken);
            if (ffmpeg.ExitCode != 0)
                throw new InvalidOperationException($"ffmpeg exited with {ffmpeg.ExitCode}: {await errors}");
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            if (!ffmpeg.HasExited)
                ffmpeg.Kill();
            File.Delete(output);
        }
    }
}
