using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using SnapMagic.AppHost.Telemetry.Otlp;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>Turns decoded OTLP requests into the views the stores keep; malformed items are counted as rejected.</summary>
internal sealed class OtlpConverter(int maxValueLength)
{
    private const string UnknownService = "unknown_service";

    public (List<SpanView> Spans, int Rejected) Spans(ExportTraceServiceRequest request)
    {
        var spans = new List<SpanView>();
        var rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var (service, instance) = Identity(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    if (span.TraceId.Length != 16 || span.SpanId.Length != 8)
                    {
                        rejected++;
                        continue;
                    }

                    var start = Time(span.StartTimeUnixNano);
                    var durationMs = span.EndTimeUnixNano >= span.StartTimeUnixNano
                        ? (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1_000_000.0
                        : 0;
                    spans.Add(new SpanView(
                        Hex(span.TraceId),
                        Hex(span.SpanId),
                        span.ParentSpanId.Length == 8 ? Hex(span.ParentSpanId) : null,
                        service,
                        instance,
                        Cut(span.Name),
                        Kind(span.Kind),
                        start,
                        durationMs,
                        Status(span.Status?.Code),
                        string.IsNullOrEmpty(span.Status?.Message) ? null : Cut(span.Status.Message),
                        NullIfEmpty(scopeSpans.Scope?.Name),
                        Attributes(span.Attributes)));
                }
            }
        }

        return (spans, rejected);
    }

    public List<LogView> Logs(ExportLogsServiceRequest request)
    {
        var logs = new List<LogView>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var (service, instance) = Identity(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                foreach (var record in scopeLogs.LogRecords)
                {
                    var timestamp = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    logs.Add(new LogView(
                        Time(timestamp),
                        service,
                        instance,
                        string.IsNullOrEmpty(record.SeverityText) ? SeverityName(record.SeverityNumber) : Cut(record.SeverityText),
                        record.SeverityNumber,
                        NullIfEmpty(scopeLogs.Scope?.Name),
                        Text(record.Body) ?? NullIfEmpty(record.EventName) ?? "",
                        record.TraceId.Length == 16 ? Hex(record.TraceId) : null,
                        record.SpanId.Length == 8 ? Hex(record.SpanId) : null,
                        Attributes(record.Attributes)));
                }
            }
        }

        return logs;
    }

    public (List<MetricSample> Samples, int Rejected) Metrics(ExportMetricsServiceRequest request)
    {
        var samples = new List<MetricSample>();
        var rejected = 0;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var (service, instance) = Identity(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(scope => scope.Metrics))
            {
                var name = Cut(metric.Name);
                var unit = NullIfEmpty(metric.Unit);
                var description = NullIfEmpty(metric.Description);
                MetricSample Sample(MetricKind kind, bool isDelta, RepeatedField<KeyValue> attributes, ulong start, ulong time, double value,
                    HistogramSample? histogram = null) =>
                    new(service, instance, name, unit, description, kind, isDelta, Attributes(attributes), Time(start), Time(time), value, histogram);

                switch (metric.DataCase)
                {
                    case Metric.DataOneofCase.Gauge:
                        samples.AddRange(metric.Gauge.DataPoints.Select(point =>
                            Sample(MetricKind.Gauge, false, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, Number(point))));
                        break;
                    case Metric.DataOneofCase.Sum:
                        var kind = metric.Sum.IsMonotonic ? MetricKind.Counter : MetricKind.UpDownCounter;
                        var isDelta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta;
                        samples.AddRange(metric.Sum.DataPoints.Select(point =>
                            Sample(kind, isDelta, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, Number(point))));
                        break;
                    case Metric.DataOneofCase.Histogram:
                        var deltaHistogram = metric.Histogram.AggregationTemporality == AggregationTemporality.Delta;
                        foreach (var point in metric.Histogram.DataPoints)
                        {
                            var bounds = point.ExplicitBounds.ToArray();
                            var counts = point.BucketCounts.ToArray();
                            if (counts.Length != 0 && counts.Length != bounds.Length + 1)
                            {
                                rejected++;
                                continue;
                            }

                            var histogram = new HistogramSample(point.Count, point.HasSum ? point.Sum : null, point.HasMin ? point.Min : null,
                                point.HasMax ? point.Max : null, counts.Length == 0 ? [] : bounds, counts.Length == 0 ? [point.Count] : counts);
                            samples.Add(Sample(MetricKind.Histogram, deltaHistogram, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano,
                                point.HasSum ? point.Sum : 0, histogram));
                        }

                        break;
                    default:
                        // Exponential histograms and summaries: not decoded (the .NET SDK sends neither by default).
                        rejected++;
                        break;
                }
            }
        }

        return (samples, rejected);
    }

    private (string Service, string? Instance) Identity(Resource? resource)
    {
        string? service = null;
        string? instance = null;
        foreach (var attribute in resource?.Attributes ?? [])
        {
            switch (attribute.Key)
            {
                case "service.name":
                    service = Text(attribute.Value);
                    break;
                case "service.instance.id":
                    instance = Text(attribute.Value);
                    break;
            }
        }

        return (string.IsNullOrEmpty(service) ? UnknownService : service, instance);
    }

    private Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[Cut(attribute.Key)] = Text(attribute.Value) ?? "";
        }

        return result;
    }

    private string? Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => Cut(value.StringValue),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Cut(Convert.ToBase64String(value.BytesValue.Span)),
        AnyValue.ValueOneofCase.ArrayValue => Cut("[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]"),
        AnyValue.ValueOneofCase.KvlistValue => Cut("{" + string.Join(", ", value.KvlistValue.Values.Select(pair => $"{pair.Key}: {Text(pair.Value)}")) + "}"),
        _ => null,
    };

    private string Cut(string value) => value.Length <= maxValueLength ? value : value[..maxValueLength] + "…";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static double Number(NumberDataPoint point) =>
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static DateTimeOffset Time(ulong unixNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(unixNanos / 100, (ulong)(DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks));

    private static string Kind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "server",
        Span.Types.SpanKind.Client => "client",
        Span.Types.SpanKind.Producer => "producer",
        Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };

    private static string Status(Otlp.Status.Types.StatusCode? code) => code switch
    {
        Otlp.Status.Types.StatusCode.Ok => "ok",
        Otlp.Status.Types.StatusCode.Error => "error",
        _ => "unset",
    };

    private static string SeverityName(int severityNumber) => severityNumber switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };
}
