using Microsoft.AspNetCore.SignalR;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Api.Feedback;
using SnapMagic.Api.Pushes;
using SnapMagic.Contracts;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Hub;

/// <summary>Sends <see cref="ICardsClient.FeedbackUpdated"/> to the connections subscribed to a feedback item, each status once, as for cards.</summary>
internal sealed class FeedbackUpdatePublisher(
    IHubContext<CardsHub, ICardsClient> hub, IFeedbackStore store, IPushedStatuses pushed, ILogger<FeedbackUpdatePublisher> logger)
{
    public static string GroupFor(string feedbackId) => $"feedback:{feedbackId}";

    /// <summary>
    /// Re-reads the item and pushes it, unless <paramref name="onlyIfStatus"/> is given and the store has moved past it.
    /// False when the store has no such item.
    /// </summary>
    public async Task<bool> PublishAsync(string feedbackId, FeedbackStatus? onlyIfStatus, CancellationToken cancellationToken)
    {
        var item = await store.GetAsync(feedbackId, cancellationToken);
        if (item is null)
            return false;
        if (onlyIfStatus is { } expected && item.Status != expected)
        {
            logger.LogDebug("Feedback {FeedbackId}: notice for {Notified} arrived after {Stored}; nothing pushed",
                feedbackId, expected.ToWireName(), item.Status.ToWireName());
            return true;
        }
        if (!await pushed.TryClaimFeedbackAsync(feedbackId, item.Status, cancellationToken))
        {
            logger.LogDebug("Feedback {FeedbackId}: {Status} was pushed already", feedbackId, item.Status.ToWireName());
            return true;
        }
        await hub.Clients.Group(GroupFor(feedbackId)).FeedbackUpdated(FeedbackViews.Create(item));
        ApiTelemetry.PushesSent.Add(1, new KeyValuePair<string, object?>("snapmagic.feedback.status", item.Status.ToWireName()));
        return true;
    }
}
