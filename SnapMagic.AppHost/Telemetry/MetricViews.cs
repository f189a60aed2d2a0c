namespace SnapMagic.AppHost.Telemetry;

public sealed record MetricPointView(DateTimeOffset Time, double Value);

/// <summary>
/// The latest state of one series: (service, instance, metric, attributes). <see cref="Value"/> is a gauge's or
/// up-down counter's value, a counter's total or a histogram's mean; <see cref="RatePerMinute"/> a counter's rate over the last minute
/// (<see cref="MetricStore.RateWindow"/>); <see cref="P50"/>/<see cref="P95"/> a histogram's percentiles over the last interval that saw
/// measurements (estimated from its buckets, in the metric's unit). Points: a counter's rate, a histogram's p95,
/// otherwise the value.
/// </summary>
public sealed record MetricSeriesView(
    string Service,
    string? Instance,
    string Name,
    string? Unit,
    string? Description,
    string Kind,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Updated,
    double? Value,
    double? RatePerMinute,
    ulong? Count,
    double? Sum,
    double? Min,
    double? Max,
    double? P50,
    double? P95,
    IReadOnlyList<MetricPointView>? Points);

/// <summary>The figures the dashboard shows on top, summed or merged over the services' instances that reported lately.</summary>
public sealed record KeyMetricsView(
    DateTimeOffset Time,
    double? QueueDepth,
    double? DeadLetterDepth,
    double? CardsAcceptedPerMinute,
    double? AcceptLatencyP95Ms,
    double? CardsCompletedPerMinute,
    double? CardsFailedPerMinute,
    double? ModelRetriesPerMinute,
    double? ModelLatencyP50Ms,
    double? ModelLatencyP95Ms,
    double? QueueWaitP95Ms,
    double? BreakerState,
    double? HubConnections,
    double? PushesPerMinute);

public sealed record MetricsView(KeyMetricsView Current, IReadOnlyList<KeyMetricsView> History, IReadOnlyList<MetricSeriesView> Series);
