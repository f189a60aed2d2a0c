using System.Diagnostics;
using SnapMagic.Contracts;
using SnapMagic.Queueing;

namespace SnapMagic.Api.Diagnostics;

/// <summary>
/// The attributes of a job queue message the Api sends: the record's id and the current span's W3C trace context, so the
/// worker's span joins the request's trace under the sending span.
/// </summary>
internal static class JobMessageAttributes
{
    public static Dictionary<string, string> For(string id)
    {
        var attributes = new Dictionary<string, string>(3) { [MessageAttributes.CorrelationId] = id };
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } context)
        {
            attributes[MessageAttributes.TraceParent] = traceParent;
            if (!string.IsNullOrEmpty(context.TraceStateString))
                attributes[MessageAttributes.TraceState] = context.TraceStateString;
        }
        return attributes;
    }

    /// <summary>The producer span of a send to <paramref name="queue"/> about <paramref name="id"/>.</summary>
    public static Activity? StartSend(string name, string id, IMessageQueue queue)
    {
        var activity = ApiTelemetry.Source.StartActivity(name, ActivityKind.Producer);
        activity?.SetTag(CardTelemetry.CorrelationIdTag, id);
        activity?.SetTag("messaging.destination.name", queue.Name);
        activity?.SetTag("messaging.operation.type", "send");
        return activity;
    }
}
