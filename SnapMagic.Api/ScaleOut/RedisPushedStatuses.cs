using SnapMagic.Api.Pushes;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// <see cref="IPushedStatuses"/> shared by every Api replica in Redis, so a notice and its repeat that reach two
/// replicas still push once. One key per card (or feedback item) holds the furthest rank pushed; the script raises it atomically.
/// While Redis is unreachable nothing is claimed, so nothing is pushed (there is no backplane to push through either):
/// the store holds the status, and when Redis is back the replicas close their hub connections
/// (<see cref="BackplaneOutageFilter"/>), so the clients re-subscribe and the snapshots carry it.
/// </summary>
internal sealed class RedisPushedStatuses(IConnectionMultiplexer redis, ILogger<RedisPushedStatuses> logger) : IPushedStatuses
{
    /// <summary>Long past any redelivery of a card's message: the queue gives up on a message well within a day.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(1);

    private static readonly LuaScript Claim = LuaScript.Prepare("""
        local pushed = tonumber(redis.call('GET', @key) or '-1')
        if pushed >= tonumber(@rank) then return 0 end
        redis.call('SET', @key, @rank, 'EX', @seconds)
        return 1
        """);

    /// <summary>The Redis key of a card's id (or of a feedback item's <see cref="IPushedStatuses.FeedbackKey"/>).</summary>
    public static RedisKey KeyFor(string key) => $"snapmagic:pushed:{key}";

    public Task<bool> TryClaimAsync(string key, int rank, CancellationToken cancellationToken) =>
        redis.OrWhenUnreachableAsync(async ValueTask<bool> () =>
        {
            var claimed = await redis.GetDatabase().ScriptEvaluateAsync(Claim, new
            {
                key = KeyFor(key),
                rank,
                seconds = (long)Remembered.TotalSeconds,
            });
            return (int)claimed == 1;
        }, exception => NotPushed(key, rank, exception)).AsTask();

    private bool NotPushed(string key, int rank, Exception? exception)
    {
        logger.LogWarning(exception, "{Key}: state {Rank} not pushed, Redis is unreachable; its clients get it when they re-subscribe", key, rank);
        return false;
    }
}
