using System.Globalization;

namespace SnapMagic.Api.RateLimiting;

/// <summary>The 429 the Api's limits answer: Retry-After in seconds and a ProblemDetails that names the limit.</summary>
internal static class TooManyRequests
{
    public const string Title = "Too many requests";

    /// <summary>The answer of an endpoint whose <paramref name="limit"/> is full.</summary>
    public static IResult Problem(HttpResponse response, WindowLimit limit, DateTimeOffset now)
    {
        var seconds = SetRetryAfter(response, limit.RetryAfter(now));
        return TypedResults.Problem($"{limit.Description}; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests, title: Title);
    }

    /// <summary>Writes the answer where no endpoint runs (middleware, the rate limiter's rejection).</summary>
    public static async Task WriteAsync(HttpContext context, string limit, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = SetRetryAfter(context.Response, retryAfter);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Title,
                Detail = $"{limit}; try again in {seconds} seconds.",
            },
        });
    }

    private static int SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
