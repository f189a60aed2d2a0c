using System.Threading.RateLimiting;
using SnapMagic.Api.Diagnostics;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// A rate limiter counted in Redis that lets the request through, logged and counted
/// (<c>snapmagic.api.rate_limit.unchecked</c>), while Redis is unreachable: an attendee at the booth still gets a card
/// when the limit cannot be checked, rather than an error. The limit holds again as soon as Redis is back.
/// </summary>
internal sealed class FailOpenRateLimiter(RateLimiter limiter, IConnectionMultiplexer redis, ILogger logger) : RateLimiter
{
    /// <summary>The same partition, its limiter failing open.</summary>
    public static RateLimitPartition<TKey> Wrap<TKey>(RateLimitPartition<TKey> partition, IConnectionMultiplexer redis, ILogger logger) =>
        RateLimitPartition.Get(partition.PartitionKey, key => new FailOpenRateLimiter(partition.Factory(key), redis, logger));

    public override TimeSpan? IdleDuration => limiter.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => limiter.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        redis.IsConnected ? limiter.AttemptAcquire(permitCount) : Unchecked(null);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        redis.OrWhenUnreachableAsync(() => limiter.AcquireAsync(permitCount, cancellationToken), Unchecked);

    private RateLimitLease Unchecked(Exception? exception)
    {
        logger.LogWarning(exception, "Redis is unreachable: a request was let through without checking its rate limit");
        ApiTelemetry.RateLimitUnchecked.Add(1);
        return GrantedLease.Instance;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            limiter.Dispose();
        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => limiter.DisposeAsync();

    private sealed class GrantedLease : RateLimitLease
    {
        public static readonly GrantedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
