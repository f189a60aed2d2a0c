using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// What the .NET JIT used in each of some processes over a window of wall time (<see cref="MachineInfo.JitCpuTime"/>),
/// in percent of one core, process by process in the order given.
/// </summary>
public sealed class JitWindow
{
    private readonly int[] _pids;
    private readonly TimeSpan[] _atStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private JitWindow(int[] pids)
    {
        _pids = pids;
        _atStart = [.. pids.Select(MachineInfo.JitCpuTime)];
    }

    public static JitWindow Start(params IEnumerable<int> pids) => new([.. pids]);

    public IReadOnlyList<double> PercentsOfOneCore()
    {
        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        return [.. _pids.Select((pid, i) => (MachineInfo.JitCpuTime(pid) - _atStart[i]) / elapsed * 100)];
    }
}
