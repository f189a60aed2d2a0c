using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SnapMagic.Queueing;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>
/// Queue depth and dead-letter depth gauges of the <c>SnapMagic.Worker</c> meter. Gauge callbacks are
/// synchronous and may run often, so they report a cached figure and start a refresh in the background when
/// it is older than <see cref="MaxAge"/>: each queue is asked at most once per that period, and only while
/// someone collects the metrics.
/// </summary>
public sealed class QueueDepthGauges(ICardQueues queues, IMeterFactory meterFactory, TimeProvider time, ILogger<QueueDepthGauges> logger)
    : IHostedService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Entry _jobs = new();
    private readonly Entry _deadLetters = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = meterFactory.Create(WorkerTelemetry.Name);
        meter.CreateObservableGauge("snapmagic.queue.depth", () => Read(_jobs, queues.Jobs), "{message}",
            "Card messages waiting (visible) or being worked on (in_flight).");
        meter.CreateObservableGauge("snapmagic.queue.dead_letter_depth", () => Read(_deadLetters, queues.DeadLetters), "{message}",
            "Messages in the dead-letter queue.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Read(Entry entry, IMessageQueue queue)
    {
        if (time.GetUtcNow().UtcTicks - Interlocked.Read(ref entry.ReadAtTicks) > MaxAge.Ticks
            && Interlocked.CompareExchange(ref entry.Refreshing, 1, 0) == 0)
            _ = RefreshAsync(entry, queue);
        if (entry.Depth is not { } depth)
            return [];
        return
        [
            new Measurement<long>(depth.Visible, new KeyValuePair<string, object?>("state", "visible")),
            new Measurement<long>(depth.InFlight, new KeyValuePair<string, object?>("state", "in_flight")),
        ];
    }

    private async Task RefreshAsync(Entry entry, IMessageQueue queue)
    {
        try
        {
            entry.Depth = await queue.GetDepthAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not read the depth of queue {Queue}", queue.Name);
        }
        finally
        {
            Interlocked.Exchange(ref entry.ReadAtTicks, time.GetUtcNow().UtcTicks);
            Volatile.Write(ref entry.Refreshing, 0);
        }
    }

    private sealed class Entry
    {
        public volatile QueueDepth? Depth;
        public long ReadAtTicks;
        public int Refreshing;
    }
}
