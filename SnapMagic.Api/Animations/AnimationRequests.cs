using System.Diagnostics;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Api.Animations;

internal enum AnimationOutcome
{
    /// <summary>A new animation was stored and its message queued.</summary>
    Queued,
    /// <summary>The card already had its animation (a repeated request, or one that raced this one): nothing new.</summary>
    Existing,
    /// <summary>The card is missing or not completed.</summary>
    NotFinished,
    /// <summary>The queue refused the message; the stored animation was marked failed.</summary>
    QueueUnavailable,
}

/// <summary>
/// Starts a card's animation: stores it (queued, once per card), then sends <see cref="JobMessage.Animation"/> on the job
/// queue with the trace context, as card intake does. A message the queue refuses marks the animation failed with the
/// reason, so no queued animation waits for a message that will never come.
/// </summary>
internal sealed class AnimationRequests(IJobStore store, ICardQueues queues, TimeProvider time, ILogger<AnimationRequests> logger)
{
    public const string QueueFailedMessage = "The animation could not be queued, so it was not made; the video service is unavailable right now.";

    public async Task<(AnimationOutcome Outcome, CardJob? Job)> RequestAsync(string correlationId)
    {
        // No request cancellation: a client that hangs up must not leave a stored animation that was never queued.
        var requested = await store.TryRequestAnimationAsync(correlationId, time.GetUtcNow(), CancellationToken.None);
        if (requested is not { } result)
            return (AnimationOutcome.NotFinished, null);
        if (!result.Created)
            return (AnimationOutcome.Existing, result.Job);

        using var activity = JobMessageAttributes.StartSend("animations enqueue", correlationId, queues.Jobs);
        try
        {
            await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(correlationId).ToJson(), JobMessageAttributes.For(correlationId)), CancellationToken.None);
            return (AnimationOutcome.Queued, result.Job);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Card {CorrelationId}: the job queue refused its animation's message; the animation is marked failed", correlationId);
            var failed = await store.TryFailAnimationAsync(correlationId, QueueFailedMessage, time.GetUtcNow(), CancellationToken.None);
            return (AnimationOutcome.QueueUnavailable, failed ?? result.Job);
        }
    }
}
