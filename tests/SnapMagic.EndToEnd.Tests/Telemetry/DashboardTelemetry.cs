using SnapMagic.Contracts;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The Aspire dashboard's telemetry API (<c>GET /api/telemetry/traces</c>, OTLP JSON) as a test reads it: spans arrive
/// a second or so after they end (batched export), so every read here polls a condition with a deadline.
/// </summary>
public sealed class DashboardTelemetry(Uri dashboardUrl) : IDisposable
{
    public const string CorrelationIdTag = CardTelemetry.CorrelationIdTag;
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http = new() { BaseAddress = dashboardUrl, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The traces holding the card's spans (every span of them), once <paramref name="complete"/> holds for those spans.</summary>
    public async Task<IReadOnlyList<TraceView>> WaitForCardTracesAsync(string correlationId, Func<IReadOnlyList<SpanView>, bool> complete)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var spans = await ReadSpansAsync();
            var traceIds = spans.Where(s => s.Attributes.GetValueOrDefault(CorrelationIdTag) == correlationId).Select(s => s.TraceId).ToHashSet();
            var traces = spans.Where(s => traceIds.Contains(s.TraceId)).GroupBy(s => s.TraceId)
                .Select(trace => new TraceView(trace.Key, [.. trace.OrderBy(s => s.StartTime)])).ToList();
            if (complete([.. traces.SelectMany(t => t.Spans)]))
                return traces;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Telemetry did not arrive within {Deadline.TotalSeconds:0} s; the card's spans so far: " +
                    string.Join(", ", traces.SelectMany(t => t.Spans).Select(s => $"{s.Service}:{s.Name}")));
            await Task.Delay(PollInterval);
        }
    }

    private async Task<IReadOnlyList<SpanView>> ReadSpansAsync()
    {
        var body = await _http.GetFromJsonAsync<JsonElement>("/api/telemetry/traces?limit=1000");
        var spans = new List<SpanView>();
        foreach (var resourceSpans in body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var resource = Attributes(resourceSpans.GetProperty("resource"));
            var service = resource.GetValueOrDefault("service.name") ?? "";
            var instance = resource.GetValueOrDefault("service.instance.id") ?? "";
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                    spans.Add(Span(service, instance, span));
            }
        }
        return spans;
    }

    private static SpanView Span(string service, string instance, JsonElement span)
    {
        static long Nanos(JsonElement span, string name) => long.Parse(span.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        var start = Nanos(span, "startTimeUnixNano");
        var end = Nanos(span, "endTimeUnixNano");
        return new SpanView(
            service,
            instance,
            span.GetProperty("traceId").GetString()!,
            span.GetProperty("spanId").GetString()!,
            span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
            span.GetProperty("name").GetString()!,
            span.TryGetProperty("kind", out var kind) ? KindName(kind.GetInt32()) : "internal",
            span.TryGetProperty("status", out var status) && status.TryGetProperty("code", out var code) && code.GetInt32() == 2 ? "error" : "unset",
            DateTimeOffset.UnixEpoch.AddTicks(start / 100),
            (end - start) / 1_000_000.0,
            Attributes(span));
    }

    private static string KindName(int kind) => kind switch
    {
        2 => "server",
        3 => "client",
        4 => "producer",
        5 => "consumer",
        _ => "internal",
    };

    private static Dictionary<string, string> Attributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, string>();
        if (!owner.TryGetProperty("attributes", out var list))
            return attributes;
        foreach (var attribute in list.EnumerateArray())
        {
            var value = attribute.GetProperty("value").EnumerateObject().FirstOrDefault().Value;
            attributes[attribute.GetProperty("key").GetString()!] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
        }
        return attributes;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One trace as the tests read it: its spans, and the services they came from.</summary>
public sealed record TraceView(string TraceId, IReadOnlyList<SpanView> Spans)
{
    public IReadOnlyList<string> Services => [.. Spans.Select(s => s.Service).Distinct()];
}

/// <summary>
/// One span: <see cref="Instance"/> is the <c>service.instance.id</c> of the process that made it (Aspire gives a
/// replica its resource id's suffix: worker-abc12's is abc12);
/// <see cref="Kind"/> is server, client, producer, consumer or internal; <see cref="Status"/> error or unset.
/// </summary>
public sealed record SpanView(string Service, string Instance, string TraceId, string SpanId, string? ParentSpanId, string Name, string Kind, string Status,
    DateTimeOffset StartTime, double DurationMs, IReadOnlyDictionary<string, string> Attributes);
