namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// The whole machine's busy CPU over a window, from /proc/stat, in percent of one core (200 % = both cores of a
/// 2-core machine): what every process together used, this client and the AppHost's own processes included.
/// </summary>
public sealed class MachineCpuWindow
{
    private readonly (long Busy, long Total) _atStart = Jiffies();

    public static MachineCpuWindow Start() => new();

    public double PercentOfOneCore()
    {
        var (busy, total) = Jiffies();
        var elapsed = total - _atStart.Total;
        return elapsed <= 0 ? double.NaN : (double)(busy - _atStart.Busy) / elapsed * Environment.ProcessorCount * 100;
    }

    /// <summary>Jiffies spent busy and in all, over every core: the first line of /proc/stat, idle and iowait not busy.</summary>
    public static (long Busy, long Total) Jiffies()
    {
        if (!File.Exists("/proc/stat"))
            return (0, 0);
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}
