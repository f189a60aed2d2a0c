using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// CPU used over several windows of one kind (the POST halves of interleaved rounds, say), added up: per named group
/// of processes and for the whole machine, in percent of one core over the windows' wall time (200 % = both cores).
/// </summary>
public sealed class CpuAccount(IReadOnlyDictionary<string, IReadOnlyList<int>> groups)
{
    private readonly Dictionary<string, TimeSpan> _used = groups.Keys.ToDictionary(name => name, _ => TimeSpan.Zero);
    private long _machineBusy, _machineTotal;
    private TimeSpan _wall;

    public async Task MeasureAsync(Func<Task> window)
    {
        var groupWindows = groups.ToDictionary(group => group.Key, group => CpuWindow.Start(group.Value));
        var machine = MachineCpuWindow.Start();
        var started = Stopwatch.GetTimestamp();
        await window();
        _wall += Stopwatch.GetElapsedTime(started);
        var (busy, total) = machine.Jiffies();
        _machineBusy += busy;
        _machineTotal += total;
        foreach (var (name, groupWindow) in groupWindows)
            _used[name] += groupWindow.Used;
    }

    /// <summary>Wall time the windows lasted, together.</summary>
    public TimeSpan Wall => _wall;

    public double PercentOfOneCore(string group) => _wall > TimeSpan.Zero ? _used[group] / _wall * 100 : double.NaN;

    public double MachinePercentOfOneCore =>
        _machineTotal <= 0 ? double.NaN : (double)_machineBusy / _machineTotal * Environment.ProcessorCount * 100;
}
