using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>What the Api does with a Redis call whose failure it absorbs: one meaning of "Redis is unreachable".</summary>
internal static class RedisCalls
{
    /// <summary>
    /// <paramref name="call"/>'s answer, or <paramref name="unreachable"/>'s when Redis is not connected (at once, rather
    /// than after the client's command timeout) or the call fails with a Redis error or timeout (its exception given).
    /// </summary>
    public static async ValueTask<T> OrWhenUnreachableAsync<T>(this IConnectionMultiplexer redis, Func<ValueTask<T>> call, Func<Exception?, T> unreachable)
    {
        if (!redis.IsConnected)
            return unreachable(null);
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return unreachable(ex);
        }
    }
}
