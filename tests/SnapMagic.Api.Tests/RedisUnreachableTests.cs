using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RedisRateLimiting;
using SnapMagic.Api.Pushes;
using SnapMagic.Api.ScaleOut;
using SnapMagic.Cards;
using SnapMagic.TestSupport;
using StackExchange.Redis;

namespace SnapMagic.Api.Tests;

/// <summary>
/// The scaled-out Api's Redis-backed parts while Redis is unreachable (a port nothing listens on): they answer at once,
/// well within the client's 5 s command timeout, and never throw.
/// </summary>
public sealed class RedisUnreachableTests : IAsyncLifetime
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2);
    private IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() =>
        _redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{FreePort.Next()},abortConnect=false");

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_claim_pushes_nothing()
    {
        var pushed = new RedisPushedStatuses(_redis, NullLogger<RedisPushedStatuses>.Instance);
        var clock = Stopwatch.StartNew();

        Assert.False(await pushed.TryClaimAsync(CorrelationIds.New(), CardStatus.Completed, null, CancellationToken.None));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, AtOnce);
    }

    [Fact]
    public async Task The_window_counts_hold_a_local_limit()
    {
        var counts = Limits.WindowCountsRedisTests.Replica(_redis, new Limits.FrozenClock());
        var limit = new RateLimiting.WindowLimit("test:unreachable", 2, TimeSpan.FromMinutes(1), "Two a minute");
        var clock = Stopwatch.StartNew();

        Assert.Null(await counts.TryTakeAsync([limit]));
        Assert.Null(await counts.TryTakeAsync([limit]));
        Assert.Same(limit, await counts.TryTakeAsync([limit]));
        Assert.Equal(2, await counts.CountAsync(limit));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, AtOnce);
    }

    [Fact]
    public async Task The_rate_limit_lets_every_request_through()
    {
        using var limiter = new FailOpenRateLimiter(
            new RedisFixedWindowRateLimiter<string>("snapmagic:cards:test", new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => _redis,
                PermitLimit = 1,
                Window = TimeSpan.FromMinutes(1),
            }), _redis, NullLogger.Instance);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 3; i++)
        {
            using var lease = await limiter.AcquireAsync();
            Assert.True(lease.IsAcquired);
        }
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, AtOnce);
    }
}
