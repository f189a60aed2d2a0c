using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// CPU some processes used together over a window of wall time, in percent of one core (200 % = both cores of
/// a 2-core machine), and in total.
/// </summary>
public sealed class CpuWindow
{
    private readonly int[] _pids;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private CpuWindow(int[] pids)
    {
        _pids = pids;
        _cpuAtStart = Total();
    }

    public static CpuWindow Start(params IEnumerable<int> pids) => new([.. pids]);

    public TimeSpan Used => Total() - _cpuAtStart;

    public double PercentOfOneCore() => Used / Stopwatch.GetElapsedTime(_startedAt) * 100;

    private TimeSpan Total() => _pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + MachineInfo.CpuTime(pid));
}
