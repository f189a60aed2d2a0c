namespace SnapMagic.AppHost.Telemetry;

internal enum MetricKind
{
    Gauge,
    Counter,
    UpDownCounter,
    Histogram,
}

/// <summary>One decoded OTLP data point, independent of the wire classes.</summary>
internal sealed record MetricSample(
    string Service,
    string? Instance,
    string Name,
    string? Unit,
    string? Description,
    MetricKind Kind,
    bool IsDelta,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset StartTime,
    DateTimeOffset Time,
    double Value,
    HistogramSample? Histogram = null);

internal sealed record HistogramSample(ulong Count, double? Sum, double? Min, double? Max, double[] Bounds, ulong[] BucketCounts);
