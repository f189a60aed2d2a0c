using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SnapMagic.AppHost.Diagnostics;

internal static class ReportedHealthExtensions
{
    /// <summary>
    /// The resource's health on the dashboard is what its <paramref name="path"/> reports (Healthy, Degraded with the
    /// reason, or Unhealthy), read through its <c>http</c> endpoint.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReportedHealth(this IResourceBuilder<ProjectResource> service,
        IDistributedApplicationBuilder builder, string path)
    {
        var key = $"{service.Resource.Name}-reported-health";
        var endpoint = service.GetEndpoint("http");
        // One instance for the AppHost's life: it keeps one HttpClient for every check.
        var check = new ReportedHealthCheck(() => new Uri(endpoint.Url), path);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, check, failureStatus: null, tags: null));
        return service.WithHealthCheck(key);
    }
}
