using Microsoft.AspNetCore.Http;

namespace SnapMagic.AppHost.Dashboard;

/// <summary>The dashboard's files, embedded in the AppHost assembly (Dashboard/wwwroot), so it runs from any folder.</summary>
internal static class DashboardAssets
{
    public static IResult Page(string name)
    {
        var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream($"dashboard/{name}");
        return stream is null
            ? Results.NotFound()
            : Results.Stream(stream, name.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : "application/octet-stream");
    }
}
