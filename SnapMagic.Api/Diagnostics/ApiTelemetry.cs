using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SnapMagic.Api.Diagnostics;

/// <summary>The Api's ActivitySource and Meter ("SnapMagic.Api"); ServiceDefaults exports them.</summary>
internal static class ApiTelemetry
{
    public const string Name = "SnapMagic.Api";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> CardsAccepted =
        Meter.CreateCounter<long>("snapmagic.api.cards.accepted", "{card}", "Card requests accepted and queued.");

    public static readonly Histogram<double> AcceptDuration =
        Meter.CreateHistogram<double>("snapmagic.api.cards.accept.duration", "s", "Time to store and enqueue an accepted card.");

    public static readonly Counter<long> PushesSent =
        Meter.CreateCounter<long>("snapmagic.api.pushes.sent", "{message}", "cardUpdated messages sent to hub groups.");

    public static readonly UpDownCounter<long> HubConnections =
        Meter.CreateUpDownCounter<long>("snapmagic.api.hub.connections", "{connection}", "Connected SignalR clients.");
}
