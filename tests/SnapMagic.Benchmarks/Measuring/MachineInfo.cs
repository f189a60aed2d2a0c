using System.Globalization;
using System.Runtime.InteropServices;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>What the figures were measured on, for the report's header, and what other processes use (Linux /proc).</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores{CpuModel()}, {memory:F0} GiB, {RuntimeInformation.OSDescription.Trim()}, " +
               $"{RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}";
    }

    /// <summary>The 1, 5 and 15 minute load averages, e.g. "1.52 0.98 0.70"; empty where /proc is missing.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    /// <summary>Resident memory of another process in MiB, from /proc (Linux).</summary>
    public static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>CPU time (user + system) another process has used so far, from /proc/{pid}/stat (Linux).</summary>
    public static TimeSpan CpuTime(int pid) => CpuTimeOf($"/proc/{pid}/stat");

    /// <summary>
    /// CPU time each of the .NET runtime's JIT threads in another process has used so far, by thread id: its
    /// tiered-compilation threads, which compile hot methods again, optimized, while they run (Linux /proc/{pid}/task).
    /// The runtime ends such a thread after a few idle seconds and starts a new one when work comes back, so a sum over
    /// the threads alive at two moments can fall: compare thread by thread (<see cref="JitWindow"/>).
    /// </summary>
    public static IReadOnlyDictionary<int, TimeSpan> JitThreadCpuTimes(int pid)
    {
        var threads = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                    threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = CpuTimeOf(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                // the thread ended between the listing and the read
            }
        }
        return threads;
    }

    /// <summary>
    /// The fields of a /proc stat line after "pid (comm) ", the state first: comm may hold spaces and parentheses,
    /// so they start after its last ')'.
    /// </summary>
    public static string[] StatFields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    private static TimeSpan CpuTimeOf(string statPath)
    {
        var fields = StatFields(File.ReadAllText(statPath));
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime: fields 14 and 15 of stat
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Soft and hard limit on open files of a process ("self" or a pid), from /proc/{pid}/limits.</summary>
    public static (string Soft, string Hard) OpenFilesLimit(string pid = "self")
    {
        var path = $"/proc/{pid}/limits";
        if (!File.Exists(path)) return ("?", "?");
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var parts = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } ? (parts[0], parts[1]) : ("?", "?");
    }

    /// <summary>Open file descriptors of a process right now.</summary>
    public static int OpenFiles(int pid) => Directory.Exists($"/proc/{pid}/fd") ? Directory.GetFiles($"/proc/{pid}/fd").Length : -1;

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo")) return "";
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "" : $" ({line[(line.IndexOf(':') + 1)..].Trim()})";
    }
}
