using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using SnapMagic.Api.Pushes;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// One Api process needs nothing more. Several behind one address (a load balancer, or the AppHost's proxy with
/// <c>--api-replicas</c>) share a Redis named by <c>ConnectionStrings:redis</c>: SignalR's backplane carries every
/// push to the replica holding the browser's connection, and the push de-duplication and the per-session rate limit
/// live there too. While Redis is unreachable the rate limit fails open (<see cref="FailOpenRateLimiter"/>), a worker's
/// change notice pushes nothing (<see cref="RedisPushedStatuses"/>), and any other Redis failure answers 503
/// (<see cref="RedisUnavailableHandler"/>).
/// </summary>
public static class ScaleOutExtensions
{
    public const string ConnectionName = "redis";

    public static IHostApplicationBuilder AddScaleOut(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            builder.Services.AddSingleton<IPushedStatuses, PushedStatuses>();
            return builder;
        }

        // The client integration: one multiplexer for everything below, its health check and traces.
        builder.AddRedisClient(ConnectionName);
        builder.Services.AddSingleton<BackplaneOutageFilter>();
        builder.Services.AddSignalR(hub => hub.AddFilter<BackplaneOutageFilter>())
            .AddStackExchangeRedis(redis => redis.Configuration.ChannelPrefix = RedisChannel.Literal("snapmagic"));
        builder.Services.AddOptions<RedisOptions>()
            .Configure<IConnectionMultiplexer>((redis, connection) => redis.ConnectionFactory = _ => Task.FromResult(connection));
        builder.Services.AddSingleton<IPushedStatuses, RedisPushedStatuses>();
        builder.Services.AddExceptionHandler<RedisUnavailableHandler>();
        return builder;
    }
}
