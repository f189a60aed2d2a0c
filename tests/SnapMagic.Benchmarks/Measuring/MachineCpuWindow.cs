namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// The whole machine's CPU over a window, from /proc/stat, busy and in all: what every process together used, this
/// client and the AppHost's own processes included.
/// </summary>
public sealed class MachineCpuWindow
{
    private readonly (long Busy, long Total) _atStart = Read();

    public static MachineCpuWindow Start() => new();

    /// <summary>Jiffies spent busy and in all, over every core, since the window started (see <see cref="CpuAccount"/> to add windows up).</summary>
    public (long Busy, long Total) Jiffies()
    {
        var (busy, total) = Read();
        return (busy - _atStart.Busy, total - _atStart.Total);
    }

    /// <summary>Jiffies spent busy and in all, over every core: the first line of /proc/stat, idle and iowait not busy.</summary>
    private static (long Busy, long Total) Read()
    {
        if (!File.Exists("/proc/stat"))
            return (0, 0);
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}
