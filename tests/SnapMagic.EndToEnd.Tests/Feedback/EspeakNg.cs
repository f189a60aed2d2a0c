using System.Diagnostics;

namespace SnapMagic.EndToEnd.Tests.Feedback;

/// <summary>
/// Debian's espeak-ng, which speaks a known sentence into a WAV file at test time: the recording an attendee's microphone
/// would make, with words we know. Missing, it fails the test with what to install (tests/run.sh installs it).
/// </summary>
internal static class EspeakNg
{
    public const string Executable = "espeak-ng";

    /// <summary>The WAV (22,050 Hz, 16-bit mono) espeak-ng makes of <paramref name="text"/>.</summary>
    public static async Task<byte[]> SpeakAsync(string text, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(Path.GetTempPath(), $"snapmagic-speech-{Guid.NewGuid():N}.wav");
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-w", file, text })
            start.ArgumentList.Add(argument);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{Executable} is not installed, and the feedback tests speak their recordings with it: apt-get install espeak-ng (tests/run.sh does). ({ex.Message})", ex);
        }
        using (process)
        {
            if (process is null)
                throw new InvalidOperationException($"{Executable} did not start.");
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{Executable} exited with {process.ExitCode}: {await errors}");
        }
        try
        {
            var wav = await File.ReadAllBytesAsync(file, cancellationToken);
            Assert.True(wav.Length > 44 && wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) && wav.AsSpan(8, 4).SequenceEqual("WAVE"u8),
                $"{Executable} wrote no WAV file ({wav.Length} bytes).");
            return wav;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
