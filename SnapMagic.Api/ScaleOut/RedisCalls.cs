using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>What the Api does with a Redis call whose failure it absorbs: one meaning of "Redis is unreachable".</summary>
internal static class RedisCalls
{
    /// <summary>
    /// <paramref name="call"/>'s answer, or <paramref name="unreachable"/>'s when Redis is not connected (at once, rather
    /// than after the client's command timeout) or the call fails with a Redis error or timeout, or on a connection that
    /// died under it (its exception given).
    /// </summary>
    public static async ValueTask<T> OrWhenUnreachableAsync<T>(this IConnectionMultiplexer redis, Func<ValueTask<T>> call, Func<Exception?, T> unreachable)
    {
        if (!redis.IsConnected)
            return unreachable(null);
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException || FromADeadConnection(redis, ex))
        {
            return unreachable(ex);
        }
    }

    // A socket that dies under a call can surface as the client's pipe refusing to read ("Reading is not allowed after
    // reader was completed") rather than as a RedisException: seen as a 500 under load while Redis restarted.
    private static bool FromADeadConnection(IConnectionMultiplexer redis, Exception ex) =>
        !redis.IsConnected
        || ex is InvalidOperationException && ex.TargetSite?.DeclaringType?.Assembly.GetName().Name is "System.IO.Pipelines" or "StackExchange.Redis";
}
