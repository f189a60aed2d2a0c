using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>Real payloads: the OpenTelemetry SDK's own OTLP/HTTP protobuf exporter pointed at the receiver.</summary>
public sealed class OtlpReceiverSdkTests
{
    private const string CorrelationIdTag = "snapmagic.correlation_id";

    [Fact]
    public async Task Spans_from_two_services_group_into_one_trace_found_by_correlation_id()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();
        var apiSourceName = "Test.Api." + Guid.NewGuid().ToString("N");
        var workerSourceName = "Test.Worker." + Guid.NewGuid().ToString("N");
        using var apiSdk = TracingSdk("api", apiSourceName, receiver);
        using var workerSdk = TracingSdk("worker", workerSourceName, receiver);
        using var apiSource = new ActivitySource(apiSourceName);
        using var workerSource = new ActivitySource(workerSourceName);
        var correlationId = Guid.NewGuid().ToString("N");

        ActivityContext sentWithMessage;
        string requestSpanId;
        using (var request = apiSource.StartActivity("POST /api/cards", ActivityKind.Server)!)
        {
            request.SetTag(CorrelationIdTag, correlationId);
            requestSpanId = request.SpanId.ToHexString();
            using var enqueue = apiSource.StartActivity("cards publish", ActivityKind.Producer)!;
            enqueue.SetTag(CorrelationIdTag, correlationId);
            sentWithMessage = enqueue.Context;
        }

        using (var consume = workerSource.StartActivity("cards process", ActivityKind.Consumer, sentWithMessage)!)
        {
            consume.SetTag(CorrelationIdTag, correlationId);
            consume.SetStatus(ActivityStatusCode.Error, "model refused");
        }

        using (var unrelated = apiSource.StartActivity("GET /api/cards")!)
        {
            unrelated.SetTag(CorrelationIdTag, "someone-else");
        }

        Assert.True(apiSdk.TracerProvider.ForceFlush(10_000));
        Assert.True(workerSdk.TracerProvider.ForceFlush(10_000));

        var traces = await receiver.TracesAsync($"?correlationId={correlationId}");

        var trace = Assert.Single(traces);
        Assert.Equal(sentWithMessage.TraceId.ToHexString(), trace.TraceId);
        Assert.Equal(3, trace.Spans.Count);
        Assert.Equal(["api", "worker"], trace.Services.Order());
        var root = Assert.Single(trace.Spans, span => span.ParentSpanId is null);
        Assert.Equal(("POST /api/cards", "server", "api", requestSpanId), (root.Name, root.Kind, root.Service, root.SpanId));
        var producer = Assert.Single(trace.Spans, span => span.Kind == "producer");
        Assert.Equal(root.SpanId, producer.ParentSpanId);
        var consumer = Assert.Single(trace.Spans, span => span.Kind == "consumer");
        Assert.Equal((producer.SpanId, "worker", "error", "model refused"), (consumer.ParentSpanId, consumer.Service, consumer.Status, consumer.StatusMessage));
        Assert.Equal(correlationId, consumer.Attributes[CorrelationIdTag]);
        Assert.True(consumer.DurationMs >= 0);

        var byId = await receiver.Http.GetStringAsync($"/api/traces/{trace.TraceId}");
        Assert.Contains(correlationId, byId);
        var all = await receiver.TracesAsync("?limit=10");
        Assert.Equal(2, all.Count);
        Assert.True(all[0].StartTime >= all[1].StartTime, "newest first");
    }

    [Fact]
    public async Task Logs_arrive_structured_with_the_trace_and_span_ids_of_the_activity_they_were_written_in()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();
        string traceId;
        string spanId;
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
               {
                   options.IncludeFormattedMessage = true;
                   options.IncludeScopes = true;
                   options.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("worker"));
                   options.AddOtlpExporter(exporter => PointAt(exporter, receiver, "logs"));
               })))
        {
            var logger = loggerFactory.CreateLogger("SnapMagic.Worker.Cards");
            using var activity = new Activity("cards process").Start();
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            logger.LogWarning("Card {CorrelationId} failed after {Attempts} attempts", "abc123", 3);
        }

        var log = Assert.Single(await receiver.LogsAsync($"?traceId={traceId}"));
        Assert.Equal(("worker", spanId, "SnapMagic.Worker.Cards"), (log.Service, log.SpanId, log.Category));
        Assert.Equal("Card abc123 failed after 3 attempts", log.Message);
        Assert.Equal(13, log.SeverityNumber);
        Assert.Equal("abc123", log.Attributes["CorrelationId"]);
        Assert.Equal("3", log.Attributes["Attempts"]);

        Assert.Single(await receiver.LogsAsync("?q=ABC123&service=worker"));
        Assert.Empty(await receiver.LogsAsync("?service=api"));
    }

    [Fact]
    public async Task Metrics_decode_into_latest_values_rates_percentiles_and_key_figures()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();
        var meterName = "Test.Worker." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var completed = meter.CreateCounter<long>("snapmagic.cards.completed", "{card}");
        var latency = meter.CreateHistogram<double>("snapmagic.model.latency", "s");
        var depth = 7;
        meter.CreateObservableGauge("snapmagic.queue.depth", () => depth, "{message}");
        using var meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("worker", serviceInstanceId: "worker-1"))
            .AddMeter(meterName)
            .AddView("snapmagic.model.latency", new ExplicitBucketHistogramConfiguration { Boundaries = [0.25, 0.5, 1, 2, 4] })
            .AddOtlpExporter((exporter, reader) =>
            {
                PointAt(exporter, receiver, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000;
            })
            .Build();

        completed.Add(3, new KeyValuePair<string, object?>("outcome", "ok"));
        foreach (var seconds in new[] { 0.1, 0.3, 0.3, 0.6, 0.6, 0.6, 0.8, 1.5, 1.5, 3.0 })
        {
            latency.Record(seconds);
        }

        Assert.True(meterProvider.ForceFlush(10_000));
        depth = 9;
        completed.Add(2, new KeyValuePair<string, object?>("outcome", "ok"));
        Assert.True(meterProvider.ForceFlush(10_000));

        var metrics = await receiver.MetricsAsync();

        var counter = Assert.Single(metrics.Series, s => s.Name == "snapmagic.cards.completed");
        Assert.Equal(("worker", "worker-1", "counter", 5.0, "ok"), (counter.Service, counter.Instance, counter.Kind, counter.Value, counter.Attributes["outcome"]));
        Assert.True(counter.RatePerMinute > 0);
        var histogram = Assert.Single(metrics.Series, s => s.Name == "snapmagic.model.latency");
        Assert.Equal(("histogram", 10UL, "s"), (histogram.Kind, histogram.Count, histogram.Unit));
        Assert.InRange(histogram.P50!.Value, 0.5, 1.0);
        Assert.InRange(histogram.P95!.Value, 2.0, 4.0);
        var gauge = Assert.Single(metrics.Series, s => s.Name == "snapmagic.queue.depth");
        Assert.Equal(("gauge", 9.0), (gauge.Kind, gauge.Value));

        Assert.Equal(9, metrics.Current.QueueDepth);
        Assert.True(metrics.Current.CardsCompletedPerMinute > 0);
        Assert.InRange(metrics.Current.ModelLatencyP50Ms!.Value, 500, 1000);
        Assert.NotEmpty(metrics.History);
        Assert.Null(counter.Points);

        var named = await receiver.MetricsAsync("?name=queue.depth");
        Assert.Equal([7.0, 9.0], Assert.Single(named.Series).Points!.Select(point => point.Value));
    }

    private static OpenTelemetrySdk TracingSdk(string service, string sourceName, TelemetryReceiverHost receiver) =>
        OpenTelemetrySdk.Create(otel => otel
            .ConfigureResource(resource => resource.AddService(service))
            .WithTracing(tracing => tracing
                .AddSource(sourceName)
                .AddOtlpExporter(exporter => PointAt(exporter, receiver, "traces"))));

    private static void PointAt(OtlpExporterOptions exporter, TelemetryReceiverHost receiver, string signal)
    {
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = receiver.Signal(signal);
    }
}
