using Google.Protobuf;
using SnapMagic.AppHost.Telemetry.Otlp;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>OTLP requests built with the AppHost's generated classes, for cases the SDK would never send.</summary>
internal static class OtlpPayloads
{
    public static ExportTraceServiceRequest Traces(string service, params Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        scope.Spans.AddRange(spans);
        var resource = new ResourceSpans { Resource = Resource(service) };
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return request;
    }

    public static Span Span(byte[] traceId, byte spanNumber, string name = "work", byte? parent = null, ulong startNanos = 1_700_000_000_000_000_000)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(SpanId(spanNumber)),
            Name = name,
            Kind = AppHost.Telemetry.Otlp.Span.Types.SpanKind.Internal,
            StartTimeUnixNano = startNanos,
            EndTimeUnixNano = startNanos + 2_000_000,
        };
        if (parent is { } parentNumber)
        {
            span.ParentSpanId = ByteString.CopyFrom(SpanId(parentNumber));
        }

        return span;
    }

    public static byte[] TraceId(int number)
    {
        var id = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(id.AsSpan(12), number + 1);
        return id;
    }

    public static ExportLogsServiceRequest Logs(string service, IEnumerable<string> messages)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "SnapMagic.Tests" } };
        var time = 1_700_000_000_000_000_000UL;
        foreach (var message in messages)
        {
            scope.LogRecords.Add(new LogRecord
            {
                TimeUnixNano = time += 1_000_000,
                SeverityNumber = 9,
                Body = new AnyValue { StringValue = message },
            });
        }

        var resource = new ResourceLogs { Resource = Resource(service) };
        resource.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resource);
        return request;
    }

    public static Resource Resource(string service)
    {
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        return resource;
    }

    private static byte[] SpanId(byte number) => [0, 0, 0, 0, 0, 0, 0, (byte)(number + 1)];
}
