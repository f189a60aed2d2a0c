using System.Diagnostics;
using System.Diagnostics.Metrics;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Diagnostics;

/// <summary>The Api's ActivitySource and Meter ("SnapMagic.Api"); ServiceDefaults exports them.</summary>
internal static class ApiTelemetry
{
    public const string Name = "SnapMagic.Api";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>
    /// Tags the current span, the server span of a request in the card's journey (its submission, the worker's change
    /// notices), with the card. Status reads are left untagged: a polling page would bury the card's trace under
    /// a trace per read in a search by correlation id.
    /// </summary>
    public static void TagCard(string correlationId) =>
        Activity.Current?.SetTag(CardTelemetry.CorrelationIdTag, correlationId);

    public static readonly Counter<long> CardsAccepted =
        Meter.CreateCounter<long>("snapmagic.api.cards.accepted", "{card}", "Card requests accepted and queued.");

    public static readonly Histogram<double> AcceptDuration =
        Meter.CreateHistogram<double>("snapmagic.api.cards.accept.duration", "s", "Time to store and enqueue an accepted card.");

    public static readonly Counter<long> RateLimitUnchecked =
        Meter.CreateCounter<long>("snapmagic.api.rate_limit.unchecked", "{request}", "Requests let through without checking their rate limit: its Redis was unreachable.");

    public static readonly Counter<long> RateLimitLocal =
        Meter.CreateCounter<long>("snapmagic.api.rate_limit.local", "{request}", "Limit checks counted in this process only: its Redis was unreachable.");

    public static readonly Counter<long> PushesSent =
        Meter.CreateCounter<long>("snapmagic.api.pushes.sent", "{message}", "cardUpdated messages sent to hub groups.");

    public static readonly UpDownCounter<long> HubConnections =
        Meter.CreateUpDownCounter<long>("snapmagic.api.hub.connections", "{connection}", "Connected SignalR clients.");
}
