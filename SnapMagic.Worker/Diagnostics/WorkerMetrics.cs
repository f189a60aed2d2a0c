using System.Diagnostics.Metrics;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>The worker's Meter (<c>SnapMagic.Worker</c>): what an SRE watches about card processing (queue depths: <see cref="QueueDepthGauges"/>).</summary>
public sealed class WorkerMetrics
{
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _modelLatency;

    /// <param name="breakerState">The model circuit breaker's state (Polly's CircuitState as a number), read at each collection.</param>
    public WorkerMetrics(IMeterFactory meterFactory, Func<int> breakerState)
    {
        var meter = meterFactory.Create(WorkerTelemetry.Name);
        _completed = meter.CreateCounter<long>("snapmagic.cards.completed", "{card}", "Cards the worker completed.");
        _failed = meter.CreateCounter<long>("snapmagic.cards.failed", "{card}", "Cards the worker marked failed, by reason.");
        _retries = meter.CreateCounter<long>("snapmagic.model.retries", "{retry}", "Model-call retries after a transient error.");
        _queueWait = meter.CreateHistogram<double>("snapmagic.cards.queue_wait", "s", "Time a card waited in the queue before a worker started it.");
        _modelLatency = meter.CreateHistogram<double>("snapmagic.model.latency", "s", "Duration of one model-call attempt, by outcome.");
        meter.CreateObservableGauge("snapmagic.model.breaker_state", breakerState, "{state}",
            "Model circuit breaker: 0 closed, 1 open, 2 half-open, 3 isolated.");
    }

    public void CardCompleted() => _completed.Add(1);

    public void CardFailed(string reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ModelRetry() => _retries.Add(1);

    public void QueueWait(TimeSpan wait) => _queueWait.Record(Math.Max(0, wait.TotalSeconds));

    public void ModelAttempt(TimeSpan duration, string outcome) =>
        _modelLatency.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
