using SnapMagic.Api.Pushes;
using SnapMagic.Cards;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// <see cref="IPushedStatuses"/> shared by every Api replica in Redis, so a notice and its repeat that reach two
/// replicas still push once. One key per card holds the furthest rank pushed; the script raises it atomically.
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

    public static RedisKey KeyFor(string correlationId) => $"snapmagic:pushed:{correlationId}";

    public Task<bool> TryClaimAsync(string correlationId, CardStatus status, CancellationToken cancellationToken) =>
        redis.OrWhenUnreachableAsync(async ValueTask<bool> () =>
        {
            var claimed = await redis.GetDatabase().ScriptEvaluateAsync(Claim, new
            {
                key = KeyFor(correlationId),
                rank = IPushedStatuses.Rank(status),
                seconds = (long)Remembered.TotalSeconds,
            });
            return (int)claimed == 1;
        }, exception => NotPushed(correlationId, status, exception)).AsTask();

    private bool NotPushed(string correlationId, CardStatus status, Exception? exception)
    {
        logger.LogWarning(exception, "Card {CorrelationId}: {Status} not pushed, Redis is unreachable; its clients get it when they re-subscribe",
            correlationId, status.ToWireName());
        return false;
    }
}
