namespace SnapMagic.AppHost.Telemetry;

/// <summary>The standard OTEL_* variables that point a service's OpenTelemetry SDK at the AppHost's receiver.</summary>
public static class OtlpEnvironment
{
    /// <param name="serviceName">Short name the dashboard shows (api, worker, web).</param>
    /// <param name="receiverBaseUrl">The AppHost's own base URL, e.g. http://localhost:18888.</param>
    public static IReadOnlyDictionary<string, string> For(string serviceName, Uri receiverBaseUrl) => new Dictionary<string, string>
    {
        ["OTEL_SERVICE_NAME"] = serviceName,
        // The SDK appends /v1/traces, /v1/metrics and /v1/logs to this base.
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiverBaseUrl.GetLeftPart(UriPartial.Authority),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        // A developer watching the dashboard wants seconds, not the SDK's default 60 s / 5 s delays.
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
    };
}
