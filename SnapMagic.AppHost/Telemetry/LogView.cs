namespace SnapMagic.AppHost.Telemetry;

/// <summary>One structured log record as <c>GET /api/logs</c> returns it; <see cref="Category"/> is the logger's category.</summary>
public sealed record LogView(
    DateTimeOffset Timestamp,
    string Service,
    string? Instance,
    string Severity,
    int SeverityNumber,
    string? Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, string> Attributes);
