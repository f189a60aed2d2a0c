namespace SnapMagic.AppHost.Telemetry;

/// <summary>How much telemetry the AppHost keeps in memory; everything older is dropped, oldest first.</summary>
public sealed class TelemetryCollectorOptions
{
    public int MaxTraces { get; set; } = 500;

    public int MaxSpansPerTrace { get; set; } = 1_000;

    public int MaxLogs { get; set; } = 5_000;

    public int MaxMetricSeries { get; set; } = 2_000;

    /// <summary>Points kept per metric series and for the key-metric history the dashboard charts.</summary>
    public int PointsPerSeries { get; set; } = 60;

    /// <summary>Largest OTLP request body accepted, after gzip decompression as well as before.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest attribute value or log message kept; longer ones are cut.</summary>
    public int MaxValueLength { get; set; } = 8_192;
}
