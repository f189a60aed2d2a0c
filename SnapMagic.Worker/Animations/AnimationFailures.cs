using Microsoft.Extensions.Logging;
using SnapMagic.Cards;
using SnapMagic.Storage;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Notifications;

namespace SnapMagic.Worker.Animations;

/// <summary>
/// Ends an animation as failed with a reason the attendee can read, counts it and asks the Api to push: the handler's
/// refusals and deadline, and the dead-letter sweeper's answer to an animation message no try could finish.
/// </summary>
public sealed partial class AnimationFailures(IJobStore store, IApiNotifier notifier, AnimationMetrics metrics, TimeProvider time, ILogger<AnimationFailures> logger)
{
    public const string DeadLetteredMessage = "We could not animate this card after several tries.";
    public const string TooLongMessage = "The animation took too long and was stopped.";
    public const string BusyMessage = "The animation service is busy; we could not animate this card.";

    /// <summary>True when this call failed it; false when there was no open animation to fail (finished meanwhile).</summary>
    /// <param name="reason">The metric's reason (<c>refused</c>, <c>transient</c>, <c>deadline</c>, <c>dead_lettered</c>, ...).</param>
    public async Task<bool> FailAsync(string correlationId, string attendeeMessage, string reason, CancellationToken cancellationToken)
    {
        CardJob? failed;
        using (var write = WorkerTelemetry.StartCardSpan("animation status write", correlationId))
        {
            write?.SetTag("snapmagic.animation.status", CardAnimationStatus.Failed.ToWireName());
            failed = await store.TryFailAnimationAsync(correlationId, attendeeMessage, time.GetUtcNow(), cancellationToken);
            write?.SetTag("snapmagic.status.applied", failed is not null);
        }
        if (failed is null)
            return false;
        metrics.Failed(reason);
        LogFailed(correlationId, reason, attendeeMessage);
        await NotifyAsync(correlationId, CardAnimationStatus.Failed, cancellationToken);
        return true;
    }

    /// <summary>Best effort: the store holds the status; the page's read finds what a lost push would have said.</summary>
    public async Task NotifyAsync(string correlationId, CardAnimationStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.AnimationChangedAsync(correlationId, status, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotifyFailed(ex, correlationId, status);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: animation failed ({Reason}): {AttendeeMessage}")]
    private partial void LogFailed(string correlationId, string reason, string attendeeMessage);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: could not ask the Api to push animation {Status}; the page reads it from the store")]
    private partial void LogNotifyFailed(Exception exception, string correlationId, CardAnimationStatus status);
}
