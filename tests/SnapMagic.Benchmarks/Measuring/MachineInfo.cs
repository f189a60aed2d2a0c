using System.Runtime.InteropServices;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>What the figures were measured on, for the report's header.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores, {memory:F0} GiB, {RuntimeInformation.OSDescription.Trim()}, " +
               $"{RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}";
    }

    /// <summary>Resident memory of another process in MiB, from /proc (Linux).</summary>
    public static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    /// <summary>CPU time (user + system) another process has used so far, from /proc/{pid}/stat (Linux).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime: fields 14 and 15 of stat
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
