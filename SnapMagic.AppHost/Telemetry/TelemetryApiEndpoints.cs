using Microsoft.Extensions.Options;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>The JSON the dashboard's traces, logs and metrics views read (the page: Dashboard/wwwroot/index.html).</summary>
public static class TelemetryApiEndpoints
{
    private const int DefaultTraces = 50;
    private const int DefaultLogs = 200;

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").ExcludeFromDescription();
        api.MapGet("/traces", (TraceStore traces, IOptions<TelemetryCollectorOptions> options, int? limit, string? correlationId) =>
            Results.Json(traces.List(Clamp(limit, DefaultTraces, options.Value.MaxTraces), correlationId?.Trim()),
                TelemetryJsonContext.Default.IReadOnlyListTraceView));

        api.MapGet("/traces/{traceId}", (TraceStore traces, string traceId) =>
            traces.Find(traceId.Trim()) is { } trace
                ? Results.Json(trace, TelemetryJsonContext.Default.TraceView)
                : TypedResults.Problem(detail: $"No trace {traceId} is held (only the latest traces are kept).",
                    statusCode: StatusCodes.Status404NotFound, title: "Trace not found"));

        api.MapGet("/logs", (LogStore logs, IOptions<TelemetryCollectorOptions> options, int? limit, string? service, string? q, string? traceId) =>
            Results.Json(logs.List(Clamp(limit, DefaultLogs, options.Value.MaxLogs), service?.Trim(), q?.Trim(), traceId?.Trim()),
                TelemetryJsonContext.Default.IReadOnlyListLogView));

        // Per-series history only for a named search: every series' points at once would be a large answer.
        api.MapGet("/metrics", (MetricStore metrics, string? name, string? service) =>
            Results.Json(metrics.Snapshot(name?.Trim(), service?.Trim(), includePoints: !string.IsNullOrWhiteSpace(name)),
                TelemetryJsonContext.Default.MetricsView));

        return app;
    }

    private static int Clamp(int? requested, int fallback, int max) => Math.Clamp(requested ?? fallback, 1, Math.Max(1, max));
}
