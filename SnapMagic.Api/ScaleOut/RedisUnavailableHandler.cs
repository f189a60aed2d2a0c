using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// A request that needs Redis while it is unreachable answers 503 with Retry-After, never a 500. The one that does is a
/// worker's change notice: without the backplane its push cannot be de-duplicated nor delivered, but the store holds the
/// change, and the replicas close their hub connections when Redis comes back, so the clients re-subscribe and the
/// snapshots carry it (the page polls meanwhile).
/// </summary>
internal sealed class RedisUnavailableHandler(IProblemDetailsService problems, ILogger<RedisUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RedisConnectionException or RedisTimeoutException))
            return false;
        logger.LogWarning("Redis is unreachable: {Method} {Path} answered 503 ({Reason})", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"The Api's Redis is unreachable; try again in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
