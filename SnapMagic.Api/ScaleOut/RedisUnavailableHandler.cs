using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// A request that meets a Redis failure the code does not absorb (the rate limit fails open, the push de-duplication
/// pushes nothing) answers 503 with Retry-After, never a 500: Redis dying between a worker's claim of a push and the
/// push through the backplane, say. The store holds the change; the clients' re-subscribe snapshots carry it.
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
