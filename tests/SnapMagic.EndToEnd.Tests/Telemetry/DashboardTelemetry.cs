using System.Net.Http.Json;
using System.Text.Json;
using SnapMagic.AppHost.Telemetry;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The AppHost's telemetry API as a test reads it: spans arrive a second or so after they end (batched export),
/// so every read here polls a condition with a deadline.
/// </summary>
public sealed class DashboardTelemetry(Uri dashboardUrl) : IDisposable
{
    public const string CorrelationIdTag = TraceStore.CorrelationIdTag;
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new() { BaseAddress = dashboardUrl, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The traces holding the card's spans, once <paramref name="complete"/> holds for them.</summary>
    public Task<IReadOnlyList<TraceView>> WaitForCardTracesAsync(string correlationId, Func<IReadOnlyList<SpanView>, bool> complete) =>
        PollAsync(
            async () => (await _http.GetFromJsonAsync<IReadOnlyList<TraceView>>($"/api/traces?limit=10&correlationId={Uri.EscapeDataString(correlationId)}", Json))!,
            traces => complete([.. traces.SelectMany(trace => trace.Spans)]),
            traces => $"the card's spans so far: {string.Join(", ", traces.SelectMany(t => t.Spans).Select(s => $"{s.Service}:{s.Name}"))}");

    /// <summary>The series of <paramref name="name"/>, once <paramref name="complete"/> holds for them.</summary>
    public Task<MetricsView> WaitForMetricAsync(string name, Func<IReadOnlyList<MetricSeriesView>, bool> complete) =>
        PollAsync(
            async () => (await _http.GetFromJsonAsync<MetricsView>($"/api/metrics?name={Uri.EscapeDataString(name)}", Json))!,
            metrics => complete([.. metrics.Series.Where(series => series.Name == name)]),
            metrics => $"series of {name}: {string.Join("; ", metrics.Series.Select(s => $"{s.Service}/{s.Instance} value={s.Value} count={s.Count}"))}");

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> complete, Func<T, string> describe)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (complete(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Telemetry did not arrive within {Deadline.TotalSeconds:0} s; {describe(value)}");
            await Task.Delay(PollInterval);
        }
    }

    public void Dispose() => _http.Dispose();
}
