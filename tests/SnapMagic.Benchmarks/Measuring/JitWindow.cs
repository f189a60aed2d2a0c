using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// What the .NET JIT used in each of some processes over a window of wall time (<see cref="MachineInfo.JitThreadCpuTimes"/>),
/// in percent of one core, process by process in the order given. Counted thread by thread: a JIT thread that started
/// in the window counts from zero; one that ended in it (after idling a few seconds) is missed, with the little it did first.
/// </summary>
public sealed class JitWindow
{
    private readonly int[] _pids;
    private readonly IReadOnlyDictionary<int, TimeSpan>[] _atStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private JitWindow(int[] pids)
    {
        _pids = pids;
        _atStart = [.. pids.Select(MachineInfo.JitThreadCpuTimes)];
    }

    public static JitWindow Start(params IEnumerable<int> pids) => new([.. pids]);

    public IReadOnlyList<double> PercentsOfOneCore()
    {
        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        return [.. _pids.Select((pid, i) => Used(MachineInfo.JitThreadCpuTimes(pid), _atStart[i]) / elapsed * 100)];
    }

    private static TimeSpan Used(IReadOnlyDictionary<int, TimeSpan> now, IReadOnlyDictionary<int, TimeSpan> atStart) =>
        now.Aggregate(TimeSpan.Zero, (sum, thread) => sum + thread.Value - atStart.GetValueOrDefault(thread.Key));
}
