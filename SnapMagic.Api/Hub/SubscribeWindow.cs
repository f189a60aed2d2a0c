namespace SnapMagic.Api.Hub;

/// <summary>One connection's Subscribe calls in the current minute (a fixed window, kept in the connection's items).</summary>
internal sealed class SubscribeWindow
{
    private DateTimeOffset _start = DateTimeOffset.MinValue;
    private int _count;

    /// <summary>Counts a call; false, with the wait until the next window, when the minute's calls are used up (0: no limit).</summary>
    public bool TryTake(DateTimeOffset now, int perMinute, out TimeSpan retryAfter)
    {
        if (now - _start >= TimeSpan.FromMinutes(1))
        {
            _start = now;
            _count = 0;
        }
        retryAfter = _start.AddMinutes(1) - now;
        if (perMinute > 0 && _count >= perMinute)
            return false;
        _count++;
        return true;
    }
}
