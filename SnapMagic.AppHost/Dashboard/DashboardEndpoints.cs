using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SnapMagic.AppHost.Hosting;

namespace SnapMagic.AppHost.Dashboard;

/// <summary>
/// The developer dashboard's services page and the JSON it reads: services, their state and console output.
/// The OTLP receiver and the traces, logs and metrics views are in <c>Telemetry/</c>.
/// </summary>
public static class DashboardEndpoints
{
    public const int MaxOutputLines = 2000;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => DashboardAssets.Page("index.html"));

        var api = app.MapGroup("/api");
        api.MapGet("/services", (ServiceSet services) => services.All.Select(ServiceView.Of).ToArray());
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
