using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnapMagic.TestSupport;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>
/// A service built with AddServiceDefaults, configured only by the OTEL_* settings the AppHost gives it, exporting to
/// the receiver: server spans get names and HTTP tags, probes are not traced, logs carry trace ids.
/// </summary>
public sealed class ServiceDefaultsTelemetryTests
{
    [Fact]
    public async Task A_service_exports_named_server_spans_and_correlated_logs_and_no_probe_spans()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();
        var serviceName = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var serviceUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls(serviceUrl);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.BaseAddress.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
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

        // In one test process the SDK also sees the test's HttpClient calls and other tests' Kestrel hosts (activity
        // sources are process-wide); in production each service is its own process. The /items spans are the subject.
        var serverSpans = (await receiver.TracesAsync("?limit=500")).SelectMany(trace => trace.Spans)
            .Where(span => span.Service == serviceName && span.Kind == "server").ToList();
        Assert.DoesNotContain(serverSpans, span => span.Attributes.GetValueOrDefault("url.path") is "/alive" or "/health");
        var spans = serverSpans.Where(span => span.Attributes.GetValueOrDefault("url.path")?.StartsWith("/items/", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, spans.Count);
        Assert.All(spans, span => Assert.Equal(("GET /items/{id:int}", "server", "/items/{id:int}", "GET"),
            (span.Name, span.Kind, span.Attributes["http.route"], span.Attributes["http.request.method"])));
        var ok = Assert.Single(spans, span => span.Attributes["url.path"] == "/items/3");
        Assert.Equal(("200", "unset"), (ok.Attributes["http.response.status_code"], ok.Status));
        var failed = Assert.Single(spans, span => span.Attributes["url.path"] == "/items/5");
        Assert.Equal(("500", "error"), (failed.Attributes["http.response.status_code"], failed.Status));
        // The developer exception page answers the exception before it reaches the span middleware: the status names the error.
        Assert.Equal("500", failed.Attributes["error.type"]);

        var served = Assert.Single(await receiver.LogsAsync($"?service={serviceName}&q=served"));
        Assert.Equal((ok.TraceId, ok.SpanId, "Item 3 served"), (served.TraceId, served.SpanId, served.Message));
        var unhandled = await receiver.LogsAsync($"?service={serviceName}&traceId={failed.TraceId}");
        Assert.Contains(unhandled, log => log.SeverityNumber >= 17);

        var metrics = await receiver.MetricsAsync($"?service={serviceName}");
        Assert.Contains(metrics.Series, series => series.Name == "http.server.request.duration");
    }
}
