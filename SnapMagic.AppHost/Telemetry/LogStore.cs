using Microsoft.Extensions.Options;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>The latest structured log records of every service, a ring of <see cref="TelemetryCollectorOptions.MaxLogs"/>.</summary>
public sealed class LogStore(IOptions<TelemetryCollectorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly LogView?[] _ring = new LogView?[Math.Max(1, options.Value.MaxLogs)];
    private int _next;
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Add(IEnumerable<LogView> logs)
    {
        lock (_gate)
        {
            foreach (var log in logs)
            {
                _ring[_next] = log;
                _next = (_next + 1) % _ring.Length;
                _count = Math.Min(_count + 1, _ring.Length);
            }
        }
    }

    /// <summary>
    /// Newest first. <paramref name="query"/> matches message, category or any attribute value (case-insensitive);
    /// <paramref name="service"/> and <paramref name="traceId"/> match exactly.
    /// </summary>
    public IReadOnlyList<LogView> List(int limit, string? service = null, string? query = null, string? traceId = null)
    {
        var matches = new List<LogView>(Math.Min(limit, 256));
        lock (_gate)
        {
            for (var i = 1; i <= _count && matches.Count < limit; i++)
            {
                var log = _ring[(_next - i + _ring.Length) % _ring.Length]!;
                if (Matches(log, service, query, traceId))
                {
                    matches.Add(log);
                }
            }
        }

        return matches;
    }

    private static bool Matches(LogView log, string? service, string? query, string? traceId)
    {
        if (!string.IsNullOrEmpty(service) && !string.Equals(log.Service, service, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(traceId) && !string.Equals(log.TraceId, traceId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.IsNullOrEmpty(query)
            || log.Message.Contains(query, StringComparison.OrdinalIgnoreCase)
            || (log.Category?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false)
            || log.Attributes.Values.Any(value => value.Contains(query, StringComparison.OrdinalIgnoreCase));
    }
}
