using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SnapMagic.TestSupport;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>
/// A service built with AddServiceDefaults, its exports caught in memory: server spans get names and HTTP tags from
/// the ASP.NET Core instrumentation, probes are not traced, logs carry trace ids, the request metrics are there.
/// </summary>
public sealed class ServiceDefaultsTelemetryTests
{
    [Fact]
    public async Task A_service_exports_named_server_spans_and_correlated_logs_and_no_probe_spans()
    {
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        var metrics = new List<Metric>();
        var serviceUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls(serviceUrl);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        builder.Logging.AddOpenTelemetry(logging => logging.AddInMemoryExporter(logs));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/items/{id:int}", (int id, ILogger<ServiceDefaultsTelemetryTests> logger) =>
        {
            if (id == 5)
            {
                throw new InvalidOperationException("item 5 is broken");
            }

            logger.LogWarning("Item {ItemId} served", id);
            return Results.Ok(id);
        });

        await app.StartAsync();
        using (var http = new HttpClient { BaseAddress = new Uri(serviceUrl) })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/items/3")).StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("/items/5")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        }

        // Disposing the host disposes the SDK, which flushes every exporter.
        await app.StopAsync();
        await app.DisposeAsync();

        // Activity sources are process-wide: other tests' hosts may show up. The /items spans are the subject.
        var serverSpans = spans.Where(span => span.Kind == ActivityKind.Server && span.GetTagItem("server.port") is int port && serviceUrl.EndsWith($":{port}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(serverSpans, span => span.GetTagItem("url.path") is "/alive" or "/health");
        var items = serverSpans.Where(span => (span.GetTagItem("url.path") as string)?.StartsWith("/items/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, span => Assert.Equal(("GET /items/{id:int}", "/items/{id:int}", "GET"),
            (span.DisplayName, span.GetTagItem("http.route"), span.GetTagItem("http.request.method"))));
        var ok = Assert.Single(items, span => (string?)span.GetTagItem("url.path") == "/items/3");
        Assert.Equal((200, ActivityStatusCode.Unset), (ok.GetTagItem("http.response.status_code"), ok.Status));
        var failed = Assert.Single(items, span => (string?)span.GetTagItem("url.path") == "/items/5");
        Assert.Equal((500, ActivityStatusCode.Error), (failed.GetTagItem("http.response.status_code"), failed.Status));

        var served = Assert.Single(logs, log => log.FormattedMessage == "Item 3 served");
        Assert.Equal((ok.TraceId, ok.SpanId), (served.TraceId, served.SpanId));
        Assert.Contains(logs, log => log.TraceId == failed.TraceId && log.LogLevel >= LogLevel.Error);

        Assert.Contains(metrics, metric => metric.Name == "http.server.request.duration");
    }
}
