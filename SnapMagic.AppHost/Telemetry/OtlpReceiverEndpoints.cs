using System.Diagnostics;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SnapMagic.AppHost.Telemetry.Otlp;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>
/// OTLP/HTTP with protobuf bodies (<c>POST /v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), the endpoint every service's
/// exporter is pointed at. Answers the Export*ServiceResponse, with a partial success naming what was rejected.
/// </summary>
public static class OtlpReceiverEndpoints
{
    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder app)
    {
        var otlp = app.MapGroup("/v1").ExcludeFromDescription();
        otlp.MapPost("/traces", ReceiveTraces);
        otlp.MapPost("/metrics", ReceiveMetrics);
        otlp.MapPost("/logs", ReceiveLogs);
        return app;
    }

    private static Task<IResult> ReceiveTraces(HttpContext context, TraceStore traces, OtlpConverter converter, IOptions<TelemetryCollectorOptions> options) =>
        Receive(context, options.Value, ExportTraceServiceRequest.Parser, request =>
        {
            var (spans, rejected) = converter.Spans(request);
            traces.Add(spans);
            return new ExportTraceServiceResponse
            {
                PartialSuccess = rejected == 0 ? null : new ExportTracePartialSuccess
                {
                    RejectedSpans = rejected,
                    ErrorMessage = "Spans need a 16-byte trace id and an 8-byte span id.",
                },
            };
        });

    private static Task<IResult> ReceiveMetrics(HttpContext context, MetricStore metrics, OtlpConverter converter, IOptions<TelemetryCollectorOptions> options) =>
        Receive(context, options.Value, ExportMetricsServiceRequest.Parser, request =>
        {
            var (samples, rejected) = converter.Metrics(request);
            metrics.Add(samples);
            return new ExportMetricsServiceResponse
            {
                PartialSuccess = rejected == 0 ? null : new ExportMetricsPartialSuccess
                {
                    RejectedDataPoints = rejected,
                    ErrorMessage = "Only gauges, sums and explicit-bucket histograms are read.",
                },
            };
        });

    private static Task<IResult> ReceiveLogs(HttpContext context, LogStore logs, OtlpConverter converter, IOptions<TelemetryCollectorOptions> options) =>
        Receive(context, options.Value, ExportLogsServiceRequest.Parser, request =>
        {
            logs.Add(converter.Logs(request));
            return new ExportLogsServiceResponse();
        });

    private static async Task<IResult> Receive<TRequest>(HttpContext context, TelemetryCollectorOptions options, MessageParser<TRequest> parser,
        Func<TRequest, IMessage> store)
        where TRequest : IMessage<TRequest>
    {
        DoNotTrace(context);
        var (body, refusal) = await OtlpRequestBody.ReadAsync(context.Request, options.MaxRequestBytes, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        TRequest request;
        try
        {
            request = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException exception)
        {
            return OtlpRequestBody.Refuse(StatusCodes.Status400BadRequest, $"The body is not an OTLP protobuf message: {exception.Message}");
        }

        return Results.Bytes(store(request).ToByteArray(), OtlpRequestBody.ProtobufContentType);
    }

    /// <summary>If the AppHost traces itself into its own receiver, each export must not make another span to export.</summary>
    private static void DoNotTrace(HttpContext context)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
        }
    }
}
