using SnapMagic.AppHost.Hosting;

namespace SnapMagic.AppHost.Dashboard;

/// <summary>One row of the dashboard's service list (<c>GET /api/services</c>).</summary>
public sealed record ServiceView(
    string Name,
    string Project,
    ServiceState State,
    int? Pid,
    string? Url,
    string HealthUrl,
    string Health,
    int Restarts,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    OutputLine? LastLine)
{
    public static ServiceView Of(ServiceProcess service) => new(
        service.Name,
        service.Definition.Project,
        service.State,
        service.Pid,
        service.Definition.PublicUrl?.ToString(),
        new Uri(service.Definition.BindUrl, "/health").ToString(),
        service.Health,
        service.Restarts,
        service.LastExitCode,
        service.StartedAt,
        service.Output.Tail(1).FirstOrDefault());
}
