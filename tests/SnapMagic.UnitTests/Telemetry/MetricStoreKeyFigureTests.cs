using Microsoft.Extensions.Options;
using SnapMagic.AppHost.Telemetry;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>The key figures the dashboard shows live: counter rates over a minute, the queue depth over its states.</summary>
public sealed class MetricStoreKeyFigureTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> NoAttributes = [];

    [Fact]
    public void A_counters_rate_covers_the_last_minute_not_only_the_last_export_interval()
    {
        var store = new MetricStore(Options.Create(new TelemetryCollectorOptions()), TimeProvider.System);
        // Cumulative "cards completed" exported every 5 s: 6 cards in the first 30 s, then none for 20 s.
        var totals = new[] { 0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6 };
        for (var i = 0; i < totals.Length; i++)
            store.Add([Counter("snapmagic.cards.completed", Start.AddSeconds(5 * (i + 1)), totals[i])]);

        // The last interval saw no card, but the minute did: 6 cards in the 50 s since the first report.
        var rate = store.Snapshot().Current.CardsCompletedPerMinute;
        Assert.NotNull(rate);
        Assert.Equal(6 / (50 / 60.0), rate!.Value, precision: 6);

        // A minute later only the newest report a minute old or older is the base: nothing since, so zero.
        for (var i = 11; i < 24; i++)
            store.Add([Counter("snapmagic.cards.completed", Start.AddSeconds(5 * (i + 1)), 6)]);
        Assert.Equal(0, store.Snapshot().Current.CardsCompletedPerMinute);
    }

    [Fact]
    public void The_queue_depth_adds_up_the_states_of_the_newest_report_not_every_workers()
    {
        var time = new ManualTime { Now = Start };
        var store = new MetricStore(Options.Create(new TelemetryCollectorOptions()), time);
        store.Add([Depth("worker-1", "visible", 4), Depth("worker-1", "in_flight", 2)]);
        time.Now = Start.AddSeconds(1);
        store.Add([Depth("worker-2", "visible", 3), Depth("worker-2", "in_flight", 2)]);

        Assert.Equal(5, store.Snapshot().Current.QueueDepth);
    }

    private static MetricSample Counter(string name, DateTimeOffset time, double total) =>
        new("worker", "worker-1", name, "{card}", null, MetricKind.Counter, IsDelta: false, NoAttributes, Start, time, total);

    private static MetricSample Depth(string instance, string state, double value) =>
        new("worker", instance, "snapmagic.queue.depth", "{message}", null, MetricKind.Gauge, IsDelta: false,
            new Dictionary<string, string> { ["state"] = state }, Start, Start, value);

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
