using System.Diagnostics.Metrics;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.Worker.Animations;

/// <summary>Animation counters on the worker's Meter (<c>SnapMagic.Worker</c>): videos started, completed and failed (by reason).</summary>
public sealed class AnimationMetrics
{
    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _checks;

    public AnimationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(WorkerTelemetry.Name);
        _started = meter.CreateCounter<long>("snapmagic.animations.started", "{animation}", "Card animations the worker started on the video model.");
        _completed = meter.CreateCounter<long>("snapmagic.animations.completed", "{animation}", "Card animations the worker completed.");
        _failed = meter.CreateCounter<long>("snapmagic.animations.failed", "{animation}", "Card animations the worker marked failed, by reason.");
        _checks = meter.CreateCounter<long>("snapmagic.animations.checks", "{check}", "Status checks on running videos, by answer.");
    }

    public void Started() => _started.Add(1);

    public void Completed() => _completed.Add(1);

    public void Failed(string reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Checked(string answer) => _checks.Add(1, new KeyValuePair<string, object?>("answer", answer));
}
