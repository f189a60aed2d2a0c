using System.Globalization;

namespace SnapMagic.Api.RateLimiting;

/// <summary>The 429 the Api's limits answer: Retry-After in seconds and a ProblemDetails that names the limit.</summary>
internal static class TooManyRequests
{
    public static IResult Problem(HttpResponse response, WindowLimit limit, DateTimeOffset now)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(limit.RetryAfter(now).TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"{limit.Description}; try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }
}
