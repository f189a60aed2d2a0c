namespace SnapMagic.Queueing;

/// <summary>Names of the message attributes a card message carries on every backend.</summary>
public static class MessageAttributes
{
    public const string CorrelationId = "correlationId";
    /// <summary>W3C trace context, so the worker's span joins the Api's trace.</summary>
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
}
