using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Api.RateLimiting;
using StackExchange.Redis;

namespace SnapMagic.Api.Tests.Limits;

/// <summary>The limits that must hold across replicas (login failures, card spend) count in the Redis the replicas share.</summary>
public sealed class WindowCountsRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Two_replicas_count_against_one_limit()
    {
        var clock = new FrozenClock();
        var replicaA = Replica(redis.Connection, clock);
        var replicaB = Replica(redis.Connection, clock);
        var limit = new WindowLimit($"test:{Guid.NewGuid():N}", 2, TimeSpan.FromMinutes(1), "Two a minute");

        Assert.Null(await replicaA.TryTakeAsync([limit]));
        Assert.Null(await replicaB.TryTakeAsync([limit]));
        Assert.Same(limit, await replicaA.TryTakeAsync([limit]));
        Assert.Same(limit, await replicaB.TryTakeAsync([limit]));

        Assert.Equal(2, await replicaB.CountAsync(limit));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await replicaB.TryTakeAsync([limit]));
    }

    [Fact]
    public async Task A_full_limit_counts_nothing_in_the_others()
    {
        var clock = new FrozenClock();
        var counts = Replica(redis.Connection, clock);
        var key = Guid.NewGuid().ToString("N");
        var roomy = new WindowLimit($"test:{key}:roomy", 10, TimeSpan.FromMinutes(1), "Ten a minute");
        var full = new WindowLimit($"test:{key}:full", 1, TimeSpan.FromDays(1), "One a day");

        Assert.Null(await counts.TryTakeAsync([roomy, full]));
        Assert.Same(full, await counts.TryTakeAsync([roomy, full]));

        Assert.Equal(1, await counts.CountAsync(roomy));
    }

    internal static WindowCounts Replica(IConnectionMultiplexer connection, TimeProvider clock) => new(
        clock, new ServiceCollection().AddSingleton(connection).BuildServiceProvider(), NullLogger<WindowCounts>.Instance);
}
