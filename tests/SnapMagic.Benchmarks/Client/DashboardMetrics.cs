using System.Net.Http.Json;
using System.Text.Json;

namespace SnapMagic.Benchmarks.Client;

/// <summary>
/// The services' own metrics as the AppHost's dashboard received them over OTLP (GET /api/metrics): what the
/// worker measured of its model calls, for instance, next to what the benchmark saw from outside.
/// </summary>
public static class DashboardMetrics
{
    /// <summary>The dashboard's key figures now (its <c>current</c> object); null when the dashboard does not answer.</summary>
    public static async Task<JsonElement?> CurrentAsync(Uri dashboard, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var metrics = await http.GetFromJsonAsync<JsonElement>("/api/metrics", cancellationToken);
            return metrics.TryGetProperty("current", out var current) ? current.Clone() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>p50 and p95 of a histogram over its last 5 s export interval (bucket estimates, in the metric's unit); NaN when absent.</summary>
    public static async Task<(double P50, double P95)> HistogramAsync(Uri dashboard, string name, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var metrics = await http.GetFromJsonAsync<JsonElement>($"/api/metrics?name={Uri.EscapeDataString(name)}", cancellationToken);
            foreach (var series in metrics.GetProperty("series").EnumerateArray())
                if (series.GetProperty("name").GetString() == name)
                    return (Number(series, "p50"), Number(series, "p95"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException && !cancellationToken.IsCancellationRequested)
        {
        }
        return (double.NaN, double.NaN);
    }

    public static double Number(JsonElement? current, string name) =>
        current is { } c && c.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;
}
