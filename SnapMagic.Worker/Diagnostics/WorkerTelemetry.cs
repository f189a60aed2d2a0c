using System.Diagnostics;
using SnapMagic.Contracts;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>The worker's ActivitySource and the span helpers every step of a card uses.</summary>
public static class WorkerTelemetry
{
    public const string Name = "SnapMagic.Worker";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Starts an internal span of one card (image write, status write, notify), tagged with its correlation id.</summary>
    public static Activity? StartCardSpan(string name, string correlationId, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = Source.StartActivity(name, kind);
        activity?.SetTag(CardTelemetry.CorrelationIdTag, correlationId);
        return activity;
    }

    /// <summary>
    /// Starts the consumer span of a queue message as a child of the producer's W3C trace context
    /// (message attributes <c>traceparent</c> / <c>tracestate</c>), so one card is one trace.
    /// </summary>
    public static Activity? StartConsumerSpan(string name, IReadOnlyDictionary<string, string> attributes, string? correlationId)
    {
        attributes.TryGetValue(Queueing.MessageAttributes.TraceParent, out var traceParent);
        attributes.TryGetValue(Queueing.MessageAttributes.TraceState, out var traceState);
        var parent = ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
        var activity = Source.StartActivity(name, ActivityKind.Consumer, parent);
        if (correlationId is not null)
            activity?.SetTag(CardTelemetry.CorrelationIdTag, correlationId);
        activity?.SetTag("messaging.operation.type", "process");
        return activity;
    }

    public static void RecordError(this Activity? activity, Exception exception)
    {
        if (activity is null)
            return;
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }
}
