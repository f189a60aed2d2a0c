namespace SnapMagic.AppHost.Telemetry;

/// <summary>
/// The instrument names the key figures are read from (the Api's and the Worker's meters). Several names per figure
/// where a built-in instrument can stand in, first match wins.
/// </summary>
public static class KeyMetricNames
{
    public static readonly string[] QueueDepth = ["snapmagic.queue.depth"];
    public static readonly string[] DeadLetterDepth = ["snapmagic.queue.dead_letter_depth", "snapmagic.queue.dead_letter.depth"];
    public static readonly string[] CardsAccepted = ["snapmagic.api.cards.accepted", "snapmagic.cards.accepted"];
    public static readonly string[] AcceptLatency = ["snapmagic.api.cards.accept.duration"];
    public static readonly string[] CardsCompleted = ["snapmagic.cards.completed"];
    public static readonly string[] CardsFailed = ["snapmagic.cards.failed"];
    public static readonly string[] ModelRetries = ["snapmagic.model.retries"];
    public static readonly string[] ModelLatency = ["snapmagic.model.latency", "snapmagic.model.duration"];
    public static readonly string[] QueueWait = ["snapmagic.cards.queue_wait"];
    public static readonly string[] BreakerState = ["snapmagic.model.breaker_state"];
    public static readonly string[] HubConnections = ["snapmagic.api.hub.connections", "signalr.server.active_connections"];
    public static readonly string[] PushesSent = ["snapmagic.api.pushes.sent"];
}
