using System.Collections.Concurrent;

namespace SnapMagic.Api.Hub;

/// <summary>
/// The hub connections each session holds on this process. Counted per replica: behind several Api replicas a session
/// may hold this many on each (a connection lives on one replica, so no shared count is needed to close it).
/// </summary>
internal sealed class SessionConnections
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts one more connection for the session, unless it already holds <paramref name="limit"/> (0: no limit).</summary>
    public bool TryAdd(string sessionId, int limit)
    {
        while (true)
        {
            var current = _counts.GetValueOrDefault(sessionId);
            if (limit > 0 && current >= limit)
                return false;
            if (current == 0 ? _counts.TryAdd(sessionId, 1) : _counts.TryUpdate(sessionId, current + 1, current))
                return true;
        }
    }

    public void Remove(string sessionId)
    {
        while (_counts.TryGetValue(sessionId, out var current))
        {
            if (current <= 1 ? _counts.TryRemove(new KeyValuePair<string, int>(sessionId, current)) : _counts.TryUpdate(sessionId, current - 1, current))
                return;
        }
    }

    public int CountOf(string sessionId) => _counts.GetValueOrDefault(sessionId);
}
