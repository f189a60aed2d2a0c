namespace SnapMagic.Api.RateLimiting;

/// <summary>
/// At most <paramref name="Limit"/> counts for <paramref name="Key"/> in each <paramref name="Window"/> (windows aligned to
/// the Unix epoch, so a minute is a clock minute and a day a UTC day); 0 means no limit. <paramref name="Description"/>
/// names the limit in the 429 answer.
/// </summary>
internal sealed record WindowLimit(string Key, int Limit, TimeSpan Window, string Description)
{
    /// <summary>The key of the window <paramref name="now"/> falls in.</summary>
    public string KeyAt(DateTimeOffset now) => $"{Key}:{WindowIndex(now)}";

    /// <summary>How long until the window <paramref name="now"/> falls in ends.</summary>
    public TimeSpan RetryAfter(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeMilliseconds((WindowIndex(now) + 1) * (long)Window.TotalMilliseconds) - now;

    private long WindowIndex(DateTimeOffset now) => now.ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds;
}
