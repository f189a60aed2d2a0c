using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>CPU a process used over a window of wall time, in percent of one core (200 % = both cores of a 2-core machine).</summary>
public sealed class CpuWindow
{
    private readonly int _pid;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private CpuWindow(int pid)
    {
        _pid = pid;
        _cpuAtStart = MachineInfo.CpuTime(pid);
    }

    public static CpuWindow Start(int pid) => new(pid);

    public double PercentOfOneCore()
    {
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        return (MachineInfo.CpuTime(_pid) - _cpuAtStart) / wall * 100;
    }
}
