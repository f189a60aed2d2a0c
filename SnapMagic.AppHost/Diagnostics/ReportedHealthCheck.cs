using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SnapMagic.AppHost.Diagnostics;

/// <summary>
/// A service's health as its own <c>/health</c> reports it, Degraded included. Aspire's HTTP health check counts any
/// 200 as healthy, and ASP.NET Core answers Degraded with 200: the worker's "this image model is Legacy, past its
/// end of life or not accessible" would never reach the dashboard.
/// </summary>
internal sealed class ReportedHealthCheck(EndpointReference endpoint, string path) : IHealthCheck, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(new Uri(endpoint.Url), path), cancellationToken);
            var lines = (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n', 2);
            var why = lines.Length > 1 ? lines[1] : null;
            return Enum.TryParse<HealthStatus>(lines[0].Trim(), out var status) && (status == HealthStatus.Healthy) == response.IsSuccessStatusCode
                ? new HealthCheckResult(status, why)
                : HealthCheckResult.Unhealthy($"{path} answered {(int)response.StatusCode}: {why ?? lines[0]}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{path} did not answer: {ex.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
