namespace SnapMagic.Contracts;

/// <summary>
/// Names every service's telemetry agrees on. Each service owns an ActivitySource and a Meter named
/// <c>SnapMagic.{Service}</c> (ServiceDefaults listens to <c>SnapMagic.*</c>); every span of a card
/// carries <see cref="CorrelationIdTag"/>.
/// </summary>
public static class CardTelemetry
{
    public const string SourcePrefix = "SnapMagic.";
    public const string CorrelationIdTag = "snapmagic.correlation_id";
    public const string SessionIdTag = "snapmagic.session_id";
    public const string AttemptTag = "snapmagic.model.attempt";
    public const string BreakerStateTag = "snapmagic.model.breaker_state";
    public const string CardStatusTag = "snapmagic.card.status";
}
