using System.Runtime.InteropServices;

namespace SnapMagic.Benchmarks.Hosting;

/// <summary>
/// Raises this process's soft limit on open files to its hard limit (Linux), before the system starts, so the
/// Api, which inherits it through the AppHost, and this client can each hold 10k sockets where the hard limit allows.
/// Raising the hard limit needs root; the report says what the limits were.
/// </summary>
public static class OpenFilesLimit
{
    private const int RlimitNofile = 7; // Linux

    /// <summary>A line for the report: what the limit was and what it is now.</summary>
    public static string RaiseSoftToHard()
    {
        if (!OperatingSystem.IsLinux())
            return "open-files limit: not Linux, left as it is";
        if (getrlimit(RlimitNofile, out var limit) != 0)
            return $"open-files limit: getrlimit failed (errno {Marshal.GetLastPInvokeError()})";
        if (limit.Current >= limit.Maximum)
            return $"open-files limit (ulimit -n): soft {limit.Current} = hard {limit.Maximum}, nothing to raise";
        var before = limit.Current;
        var raised = limit with { Current = limit.Maximum };
        return setrlimit(RlimitNofile, in raised) == 0
            ? $"open-files limit (ulimit -n): soft raised from {before} to the hard limit {limit.Maximum}"
            : $"open-files limit (ulimit -n): soft {before}, hard {limit.Maximum}; raising failed (errno {Marshal.GetLastPInvokeError()})";
    }

    /// <summary>This process's soft limit now, or null where it cannot be read.</summary>
    public static ulong? Current() => OperatingSystem.IsLinux() && getrlimit(RlimitNofile, out var limit) == 0 ? limit.Current : null;

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Current, ulong Maximum);

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out ResourceLimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in ResourceLimit limit);
}
