using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SnapMagic.AppHost.Diagnostics;

/// <summary>
/// A service's health as its own <c>/health</c> reports it, Degraded included. Aspire's HTTP health check counts any
/// 200 as healthy, and ASP.NET Core answers Degraded with 200: the worker's "this image model is Legacy, past its
/// end of life or not accessible" would never reach the dashboard. The body is ServiceDefaults' HealthReportText: the
/// status on the first line, then why.
/// </summary>
public sealed class ReportedHealthCheck(Func<Uri> baseAddress, string path, HttpMessageHandler? handler = null) : IHealthCheck, IDisposable
{
    private readonly HttpClient _http = new(handler ?? new HttpClientHandler()) { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(baseAddress(), path), cancellationToken);
            var lines = (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n', 2);
            var why = lines.Length > 1 ? lines[1] : null;
            // Healthy and Degraded answer 2xx, Unhealthy 503: a body that disagrees with its status code is not believed.
            return Enum.TryParse<HealthStatus>(lines[0].Trim(), out var status) && (status != HealthStatus.Unhealthy) == response.IsSuccessStatusCode
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
