using SnapMagic.Api.Hub;
using SnapMagic.Cards;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// <see cref="IPushedStatuses"/> shared by every Api replica in Redis, so a notice and its repeat that reach two
/// replicas still push once. One key per card holds the furthest rank pushed; the script raises it atomically.
/// </summary>
internal sealed class RedisPushedStatuses(IConnectionMultiplexer redis) : IPushedStatuses
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

    public async Task<bool> TryClaimAsync(string correlationId, CardStatus status, CancellationToken cancellationToken)
    {
        // Without Redis there is no backplane to push through either: fail now (503) rather than after the command timeout.
        if (!redis.IsConnected)
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is unreachable: the push can be neither de-duplicated nor delivered.");
        var claimed = await redis.GetDatabase().ScriptEvaluateAsync(Claim, new
        {
            key = KeyFor(correlationId),
            rank = IPushedStatuses.Rank(status),
            seconds = (long)Remembered.TotalSeconds,
        });
        return (int)claimed == 1;
    }
}
