using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Api.Pushes;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Storage;

namespace SnapMagic.Api.Hub;

/// <summary>Sends <see cref="ICardsClient.CardUpdated"/> to the connections subscribed to a card. The store stays the source of truth.</summary>
internal sealed class CardUpdatePublisher(
    IHubContext<CardsHub, ICardsClient> hub, IJobStore store, CardViews views, IPushedStatuses pushed, ILogger<CardUpdatePublisher> logger)
{
    public static string GroupFor(string correlationId) => $"card:{correlationId}";

    /// <summary>
    /// Re-reads the job and pushes it, unless <paramref name="onlyIfStatus"/> (or <paramref name="onlyIfAnimation"/>, the
    /// card's animation status) is given and the store has moved past it (the newer state has its own push). False when the
    /// store has no such card.
    /// </summary>
    public async Task<bool> PublishAsync(string correlationId, string publicBase, CardStatus? onlyIfStatus, CardAnimationStatus? onlyIfAnimation,
        CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(correlationId, cancellationToken);
        if (job is null)
            return false;
        if (onlyIfStatus is { } expected && job.Status != expected)
        {
            logger.LogDebug("Card {CorrelationId}: notice for {Notified} arrived after {Stored}; nothing pushed",
                correlationId, expected.ToWireName(), job.Status.ToWireName());
            return true;
        }
        if (onlyIfAnimation is { } expectedAnimation && job.Animation?.Status != expectedAnimation)
        {
            logger.LogDebug("Card {CorrelationId}: notice for animation {Notified} arrived after {Stored}; nothing pushed",
                correlationId, expectedAnimation.ToWireName(), job.Animation?.Status.ToWireName() ?? "none");
            return true;
        }
        await PushAsync(job, publicBase, cancellationToken);
        return true;
    }

    public async Task PushAsync(CardJob job, string publicBase, CancellationToken cancellationToken)
    {
        // The view (with its queue count) is built before the claim, so a slow count cannot let an older status
        // claimed first reach the browser after a newer one.
        var view = await views.CreateWithQueuePositionAsync(job, publicBase, cancellationToken);
        if (!await pushed.TryClaimAsync(job, cancellationToken))
        {
            logger.LogDebug("Card {CorrelationId}: {Status} (animation {Animation}) was pushed already",
                job.CorrelationId, job.Status.ToWireName(), job.Animation?.Status.ToWireName() ?? "none");
            return;
        }
        using var activity = ApiTelemetry.Source.StartActivity("cards push", ActivityKind.Producer);
        activity?.SetTag(CardTelemetry.CorrelationIdTag, job.CorrelationId);
        activity?.SetTag(CardTelemetry.CardStatusTag, job.Status.ToWireName());
        if (job.Animation is { } animation)
            activity?.SetTag("snapmagic.card.animation.status", animation.Status.ToWireName());

        await hub.Clients.Group(GroupFor(job.CorrelationId)).CardUpdated(view);
        ApiTelemetry.PushesSent.Add(1, new KeyValuePair<string, object?>(CardTelemetry.CardStatusTag, job.Status.ToWireName()));
    }
}
