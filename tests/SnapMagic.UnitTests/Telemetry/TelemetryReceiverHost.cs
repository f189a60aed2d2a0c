using System.Net.Http.Headers;
using System.Net.Http.Json;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnapMagic.AppHost.Telemetry;
using SnapMagic.TestSupport;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>The AppHost's receiver and telemetry API alone, on Kestrel at 127.0.0.1 and a free port.</summary>
internal sealed class TelemetryReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelemetryReceiverHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public TraceStore Traces => _app.Services.GetRequiredService<TraceStore>();

    public LogStore Logs => _app.Services.GetRequiredService<LogStore>();

    public MetricStore Metrics => _app.Services.GetRequiredService<MetricStore>();

    public Uri Signal(string signal) => new(BaseAddress, "/v1/" + signal);

    public static async Task<TelemetryReceiverHost> StartAsync(Action<TelemetryCollectorOptions>? configure = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseAddress.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddTelemetryCollector(configure);
        var app = builder.Build();
        app.MapOtlpReceiver();
        app.MapTelemetryApi();
        await app.StartAsync();
        return new TelemetryReceiverHost(app, baseAddress);
    }

    public Task<HttpResponseMessage> PostAsync(string signal, IMessage message) => PostAsync(signal, message.ToByteArray());

    public Task<HttpResponseMessage> PostAsync(string signal, byte[] body, string contentType = OtlpRequestBody.ProtobufContentType, string? encoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        return Http.PostAsync("/v1/" + signal, content);
    }

    public async Task<IReadOnlyList<TraceView>> TracesAsync(string query = "") =>
        (await Http.GetFromJsonAsync("/api/traces" + query, TelemetryJsonContext.Default.IReadOnlyListTraceView))!;

    public async Task<IReadOnlyList<LogView>> LogsAsync(string query = "") =>
        (await Http.GetFromJsonAsync("/api/logs" + query, TelemetryJsonContext.Default.IReadOnlyListLogView))!;

    public async Task<MetricsView> MetricsAsync(string query = "") =>
        (await Http.GetFromJsonAsync("/api/metrics" + query, TelemetryJsonContext.Default.MetricsView))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
