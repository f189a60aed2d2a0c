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

        try
        {
            await SendAsync(correlationId);
            return (AnimationOutcome.Queued, result.Job);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Card {CorrelationId}: the job queue refused its animation's message; the animation is marked failed", correlationId);
            var failed = await store.TryFailAnimationAsync(correlationId, QueueFailedMessage, time.GetUtcNow(), CancellationToken.None);
            return (AnimationOutcome.QueueUnavailable, failed ?? result.Job);
        }
    }

    /// <summary>
    /// An Api that died between storing an animation and sending its message left it queued with no message: when its
    /// owner asks again and it is still queued after <see cref="StalledAfter"/>, its message is sent again. A second message
    /// for an animation that did have one costs nothing: the worker starts a video once per card (Bedrock's
    /// clientRequestToken is the correlation id) and drops checks of a finished animation.
    /// </summary>
    public async Task ResendIfStalledAsync(string correlationId, CardAnimation animation)
    {
        if (animation.Status != CardAnimationStatus.Queued || time.GetUtcNow() - animation.RequestedAt < StalledAfter)
            return;
        try
        {
            await SendAsync(correlationId);
            logger.LogWarning("Card {CorrelationId}: its animation was still queued {Age} after it was asked for; its message was sent again",
                correlationId, time.GetUtcNow() - animation.RequestedAt);
        }
        catch (Exception ex)
        {
            // The animation stays queued; the next request tries again.
            logger.LogWarning(ex, "Card {CorrelationId}: could not send its stalled animation's message again", correlationId);
        }
    }

    /// <summary>Longer than a queued animation waits for a worker on a busy event (the worker starts it within seconds).</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(2);

    private async Task SendAsync(string correlationId)
    {
        using var activity = JobMessageAttributes.StartSend("animations enqueue", correlationId, queues.Jobs);
        try
        {
            await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(correlationId).ToJson(), JobMessageAttributes.For(correlationId)), CancellationToken.None);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}
