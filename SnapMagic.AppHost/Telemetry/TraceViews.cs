namespace SnapMagic.AppHost.Telemetry;

/// <summary>One span as <c>GET /api/traces</c> returns it. Ids are lower-case hex; root spans have no parent id.</summary>
public sealed record SpanView(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string? Instance,
    string Name,
    string Kind,
    DateTimeOffset StartTime,
    double DurationMs,
    string Status,
    string? StatusMessage,
    string? Scope,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>One trace: its spans from every service, earliest first.</summary>
public sealed record TraceView(string TraceId, DateTimeOffset StartTime, double DurationMs, IReadOnlyList<string> Services, IReadOnlyList<SpanView> Spans);
