using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SnapMagic.AppHost.Hosting;

namespace SnapMagic.AppHost.Dashboard;

/// <summary>
/// The developer dashboard: one page (services and console output, traces, logs, metrics) and the JSON about the
/// services it reads. The OTLP receiver and the JSON about traces, logs and metrics are in <c>Telemetry/</c>.
/// </summary>
public static class DashboardEndpoints
{
    public const int MaxOutputLines = 2000;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => DashboardAssets.Page("index.html"));
        // The telemetry views had a page of their own once; old links land on the same view (the browser keeps the #fragment).
        app.MapGet("/telemetry.html", (HttpRequest request) => Results.Redirect("/" + request.QueryString));

        var api = app.MapGroup("/api");
        api.MapGet("/services", (ServiceSet services) => services.All.Select(ServiceView.Of).ToArray());
        // Beside the services rather than among them: the backend's local servers are not ServiceProcesses (never restarted, no health probe).
        api.MapGet("/backend", (DistributedApp app) => app.BackendServers.ToArray());
        api.MapGet("/services/{name}/output", (ServiceSet services, string name, string? search, int? limit) =>
        {
            var service = services.All.FirstOrDefault(s => s.Name == name);
            if (service is null)
                return Results.Problem($"No service named '{name}'.", statusCode: StatusCodes.Status404NotFound);
            var lines = service.Output.Tail(Math.Clamp(limit ?? 500, 1, MaxOutputLines), search);
            return Results.Ok(lines.ToArray());
        });
        return app;
    }
}
