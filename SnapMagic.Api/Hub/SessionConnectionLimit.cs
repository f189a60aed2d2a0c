using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Api.RateLimiting;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Hub;

/// <summary>
/// A session that already holds <see cref="CardsHubOptions.MaxConnectionsPerSession"/> hub connections gets 429 with
/// Retry-After on its next negotiate or connect without negotiation (no <c>id</c>), before a connection exists; the
/// requests of connections already open (they carry their <c>id</c>) pass. (Two connects that race past
/// this check meet the exact count in <see cref="CardsHub.OnConnectedAsync"/>, which closes the extra one.)
/// </summary>
internal static class SessionConnectionLimit
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public static IApplicationBuilder UseSessionConnectionLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(CardsHubContract.Path, out var rest)
            && (rest == "/negotiate" || (rest == "" && !request.Query.ContainsKey("id")))
            && context.User.FindSessionId() is { } sessionId)
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<CardsHubOptions>>().Value.MaxConnectionsPerSession;
            if (limit > 0 && context.RequestServices.GetRequiredService<SessionConnections>().CountOf(sessionId) >= limit)
            {
                await TooManyRequests.WriteAsync(context,
                    $"A session may hold {limit} live hub connections; close another tab or window first", RetryAfter);
                return;
            }
        }
        await next(context);
    });
}
