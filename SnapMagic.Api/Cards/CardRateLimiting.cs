using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using SnapMagic.Api.Auth;
using SnapMagic.Api.RateLimiting;
using SnapMagic.Api.ScaleOut;
using StackExchange.Redis;

namespace SnapMagic.Api.Cards;

/// <summary>
/// <c>Cards:PerSessionPerMinute</c> card submits per session (0: no limit); past it, 429 with Retry-After. Counted in
/// this process, or in Redis when the Api is scaled out (the limit then holds across replicas; it is not checked while
/// Redis is unreachable).
/// </summary>
internal static class CardRateLimiting
{
    public const string PolicyName = "cards-per-session";

    public static IServiceCollection AddCardRateLimiting(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(PolicyName, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<CardsOptions>>().Value.PerSessionPerMinute;
            var session = context.User.FindSessionId() ?? "";
            if (perMinute <= 0)
                return RateLimitPartition.GetNoLimiter(session);
            if (context.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
            {
                return FailOpenRateLimiter.Wrap(RedisRateLimitPartition.GetFixedWindowRateLimiter($"snapmagic:cards:{session}", _ => new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis,
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                }), redis, context.RequestServices.GetRequiredService<ILogger<FailOpenRateLimiter>>());
            }
            return RateLimitPartition.GetFixedWindowLimiter(session, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });

        limiter.OnRejected = async (rejected, _) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var perMinute = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<CardsOptions>>().Value.PerSessionPerMinute;
            await TooManyRequests.WriteAsync(rejected.HttpContext, $"A session may create at most {perMinute} cards a minute", retryAfter);
        };
    });
}
