using Microsoft.Extensions.Options;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>
/// The latest traces, spans grouped by trace id as they arrive from every service. A ring: past
/// <see cref="TelemetryCollectorOptions.MaxTraces"/> the trace that was updated longest ago goes.
/// </summary>
public sealed class TraceStore(IOptions<TelemetryCollectorOptions> options)
{
    /// <summary>The span tag every span of a card carries (SnapMagic.Diagnostics.CardTelemetry; the AppHost does not reference Core).</summary>
    public const string CorrelationIdTag = "snapmagic.correlation_id";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<StoredTrace>> _traces = new(StringComparer.Ordinal);
    private readonly LinkedList<StoredTrace> _leastRecentlyUpdated = new();
    private readonly int _maxTraces = Math.Max(1, options.Value.MaxTraces);
    private readonly int _maxSpansPerTrace = Math.Max(1, options.Value.MaxSpansPerTrace);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _traces.Count;
            }
        }
    }

    public void Add(IEnumerable<SpanView> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (_traces.TryGetValue(span.TraceId, out var node))
                {
                    _leastRecentlyUpdated.Remove(node);
                    _leastRecentlyUpdated.AddLast(node);
                }
                else
                {
                    node = _leastRecentlyUpdated.AddLast(new StoredTrace(span.TraceId));
                    _traces.Add(span.TraceId, node);
                    if (_traces.Count > _maxTraces)
                    {
                        var oldest = _leastRecentlyUpdated.First!;
                        _leastRecentlyUpdated.RemoveFirst();
                        _traces.Remove(oldest.Value.TraceId);
                    }
                }

                node.Value.Add(span, _maxSpansPerTrace);
            }
        }
    }

    /// <summary>Newest first (by the trace's first span); with a correlation id, only traces with a span that carries it.</summary>
    public IReadOnlyList<TraceView> List(int limit, string? correlationId = null)
    {
        lock (_gate)
        {
            return _traces.Values
                .Select(node => node.Value)
                .Where(trace => string.IsNullOrEmpty(correlationId) || trace.CorrelationIds.Contains(correlationId))
                .OrderByDescending(trace => trace.StartTime)
                .Take(limit)
                .Select(trace => trace.ToView())
                .ToList();
        }
    }

    public TraceView? Find(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId.ToLowerInvariant(), out var node) ? node.Value.ToView() : null;
        }
    }

    private sealed class StoredTrace(string traceId)
    {
        private readonly List<SpanView> _spans = [];
        private readonly HashSet<string> _spanIds = new(StringComparer.Ordinal);

        public string TraceId { get; } = traceId;

        public HashSet<string> CorrelationIds { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset StartTime { get; private set; } = DateTimeOffset.MaxValue;

        public void Add(SpanView span, int maxSpans)
        {
            // Exporters retry; a span seen twice is kept once.
            if (_spans.Count >= maxSpans || !_spanIds.Add(span.SpanId))
            {
                return;
            }

            _spans.Add(span);
            if (span.StartTime < StartTime)
            {
                StartTime = span.StartTime;
            }

            if (span.Attributes.TryGetValue(CorrelationIdTag, out var correlationId))
            {
                CorrelationIds.Add(correlationId);
            }
        }

        public TraceView ToView()
        {
            var spans = _spans.OrderBy(span => span.StartTime).ToList();
            var end = spans.Max(span => span.StartTime.AddMilliseconds(span.DurationMs));
            var services = spans.Select(span => span.Service).Distinct(StringComparer.Ordinal).ToList();
            return new TraceView(TraceId, StartTime, (end - StartTime).TotalMilliseconds, services, spans);
        }
    }
}
