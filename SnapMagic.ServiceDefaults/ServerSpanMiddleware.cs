using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// ASP.NET Core 10 starts a server activity per request but leaves it nameless ("Microsoft.AspNetCore.Hosting.HttpRequestIn")
/// and without tags (checked at run time). This names it <c>{METHOD} {route}</c>, adds the HTTP semantic-convention tags
/// where missing, marks 5xx and unhandled exceptions as errors, and drops the spans of health probes.
/// </summary>
internal sealed class ServerSpanMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null)
        {
            await next(context);
            return;
        }

        if (IsProbe(context.Request.Path))
        {
            // Unrecorded: exporters skip it, and children sampled from this parent are not recorded either.
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            Describe(activity, context, StatusCodes.Status500InternalServerError);
            throw;
        }

        Describe(activity, context, context.Response.StatusCode);
    }

    private static void Describe(Activity activity, HttpContext context, int statusCode)
    {
        var method = context.Request.Method;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (route is not null && !route.StartsWith('/'))
        {
            route = "/" + route;
        }

        if (activity.DisplayName == activity.OperationName)
        {
            activity.DisplayName = route is null ? method : $"{method} {route}";
        }

        SetIfMissing(activity, "http.request.method", method);
        SetIfMissing(activity, "http.route", route);
        SetIfMissing(activity, "url.scheme", context.Request.Scheme);
        // The path only: a query string may carry a token (SignalR's access_token).
        SetIfMissing(activity, "url.path", context.Request.Path.Value);
        SetIfMissing(activity, "http.response.status_code", statusCode);

        if (statusCode >= 500 && activity.Status == ActivityStatusCode.Unset)
        {
            SetIfMissing(activity, "error.type", statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static void SetIfMissing(Activity activity, string key, object? value)
    {
        if (value is not null && activity.GetTagItem(key) is null)
        {
            activity.SetTag(key, value);
        }
    }

    private static bool IsProbe(PathString path) =>
        TelemetryNames.UntracedPaths.Any(probe => path.StartsWithSegments(probe, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Puts <see cref="ServerSpanMiddleware"/> first in every pipeline, so no Program.cs has to remember it.</summary>
internal sealed class ServerSpanStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ServerSpanMiddleware>();
        next(app);
    };
}

internal static class ServerSpanServiceCollectionExtensions
{
    public static IServiceCollection AddServerSpanNaming(this IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, ServerSpanStartupFilter>();
        return services;
    }
}
