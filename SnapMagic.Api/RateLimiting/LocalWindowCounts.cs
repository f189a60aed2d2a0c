namespace SnapMagic.Api.RateLimiting;

/// <summary>Window counts in this process: the counts of a single Api, and of a replica while its Redis is unreachable.</summary>
internal sealed class LocalWindowCounts
{
    private const int PruneAbove = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Count, DateTimeOffset Ends)> _counts = new(StringComparer.Ordinal);

    /// <inheritdoc cref="WindowCounts.TryTakeAsync"/>
    public WindowLimit? TryTake(IReadOnlyList<WindowLimit> limits, DateTimeOffset now, bool take)
    {
        lock (_lock)
        {
            if (_counts.Count > PruneAbove)
                Prune(now);
            foreach (var limit in limits)
            {
                if (limit.Limit > 0 && CountOf(limit, now) >= limit.Limit)
                    return limit;
            }
            if (take)
            {
                foreach (var limit in limits)
                    _counts[limit.KeyAt(now)] = (CountOf(limit, now) + 1, now + limit.RetryAfter(now));
            }
            return null;
        }
    }

    public long Count(WindowLimit limit, DateTimeOffset now)
    {
        lock (_lock)
            return CountOf(limit, now);
    }

    private long CountOf(WindowLimit limit, DateTimeOffset now) =>
        _counts.TryGetValue(limit.KeyAt(now), out var entry) && entry.Ends > now ? entry.Count : 0;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _counts.ToList())
        {
            if (entry.Ends <= now)
                _counts.Remove(key);
        }
    }
}
