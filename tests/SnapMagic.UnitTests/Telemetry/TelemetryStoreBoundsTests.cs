using SnapMagic.AppHost.Telemetry.Otlp;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>Memory stays bounded however much the services send: the oldest telemetry goes first.</summary>
public sealed class TelemetryStoreBoundsTests
{
    [Fact]
    public async Task The_trace_ring_keeps_the_latest_traces_and_a_trace_that_keeps_growing_survives()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync(options => options.MaxTraces = 5);
        for (var i = 0; i < 8; i++)
        {
            using var response = await receiver.PostAsync("traces", OtlpPayloads.Traces("api", OtlpPayloads.Span(OtlpPayloads.TraceId(i), 0, startNanos: Start(i))));
            response.EnsureSuccessStatusCode();
            if (i == 3)
            {
                // Trace 0 gets a late span (the worker's) and so counts as recently updated.
                using var late = await receiver.PostAsync("traces", OtlpPayloads.Traces("worker", OtlpPayloads.Span(OtlpPayloads.TraceId(0), 1, parent: 0, startNanos: Start(4))));
                late.EnsureSuccessStatusCode();
            }
        }

        var traces = await receiver.TracesAsync("?limit=100");

        Assert.Equal(5, receiver.Traces.Count);
        Assert.Equal([7, 6, 5, 4, 0], traces.Select(trace => Number(trace.TraceId)));
        Assert.Equal(2, traces.Single(trace => Number(trace.TraceId) == 0).Spans.Count);
        Assert.Equal(3, (await receiver.TracesAsync("?limit=3")).Count);
    }

    [Fact]
    public async Task A_trace_holds_at_most_the_configured_spans_and_a_retried_span_once()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync(options => options.MaxSpansPerTrace = 3);
        var traceId = OtlpPayloads.TraceId(1);
        var spans = Enumerable.Range(0, 5).Select(i => OtlpPayloads.Span(traceId, (byte)i, parent: i == 0 ? null : (byte)0)).ToArray();

        (await receiver.PostAsync("traces", OtlpPayloads.Traces("api", spans[0]))).EnsureSuccessStatusCode();
        (await receiver.PostAsync("traces", OtlpPayloads.Traces("api", spans[0]))).EnsureSuccessStatusCode();
        (await receiver.PostAsync("traces", OtlpPayloads.Traces("api", spans))).EnsureSuccessStatusCode();

        Assert.Equal(3, Assert.Single(await receiver.TracesAsync()).Spans.Count);
    }

    [Fact]
    public async Task The_log_ring_keeps_the_latest_records_newest_first()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync(options => options.MaxLogs = 10);

        (await receiver.PostAsync("logs", OtlpPayloads.Logs("api", Enumerable.Range(0, 18).Select(i => $"line {i}")))).EnsureSuccessStatusCode();
        (await receiver.PostAsync("logs", OtlpPayloads.Logs("api", Enumerable.Range(18, 7).Select(i => $"line {i}")))).EnsureSuccessStatusCode();

        var logs = await receiver.LogsAsync("?limit=100");
        Assert.Equal(10, receiver.Logs.Count);
        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"line {i}"), logs.Select(log => log.Message));
        Assert.Equal(["line 24", "line 23"], (await receiver.LogsAsync("?limit=2")).Select(log => log.Message));
    }

    [Fact]
    public async Task Metric_series_are_capped_dropping_the_one_updated_longest_ago()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync(options => options.MaxMetricSeries = 3);

        for (var i = 0; i < 5; i++)
        {
            (await receiver.PostAsync("metrics", Gauge("api", $"gauge.{i}", i))).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, receiver.Metrics.SeriesCount);
        Assert.Equal(["gauge.2", "gauge.3", "gauge.4"], (await receiver.MetricsAsync()).Series.Select(series => series.Name));
    }

    [Fact]
    public async Task A_long_value_is_cut_to_the_configured_length()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync(options => options.MaxValueLength = 100);

        (await receiver.PostAsync("logs", OtlpPayloads.Logs("api", [new string('y', 5_000)]))).EnsureSuccessStatusCode();

        Assert.Equal(101, Assert.Single(await receiver.LogsAsync()).Message.Length);
    }

    private static ExportMetricsServiceRequest Gauge(string service, string name, double value)
    {
        var gauge = new Gauge();
        gauge.DataPoints.Add(new NumberDataPoint { AsDouble = value, TimeUnixNano = Start(1) });
        var scope = new ScopeMetrics();
        scope.Metrics.Add(new Metric { Name = name, Gauge = gauge });
        var resource = new ResourceMetrics { Resource = OtlpPayloads.Resource(service) };
        resource.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resource);
        return request;
    }

    private static ulong Start(int second) => 1_700_000_000_000_000_000UL + (ulong)second * 1_000_000_000UL;

    private static int Number(string traceId) => Convert.ToInt32(traceId[24..], 16) - 1;
}
