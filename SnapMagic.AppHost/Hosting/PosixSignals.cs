using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SnapMagic.AppHost.Hosting;

/// <summary>SIGTERM for a graceful stop (.NET's Process.Kill only sends SIGKILL).</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to stop (SIGTERM); on Windows, where there is no such signal, kills it.</summary>
    public static void Terminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return;
        }
        _ = Kill(process.Id, SigTerm);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
