using Microsoft.Extensions.Logging;
using SnapMagic.Feedback;
using SnapMagic.Worker.Notifications;

namespace SnapMagic.Worker.Feedback;

/// <summary>
/// The dead-letter sweeper's answer to a feedback message that ran out of tries: the item, when still open, is marked
/// failed with a reason the attendee can read, and the Api pushes it.
/// </summary>
public sealed partial class FeedbackDeadLetters(IFeedbackStore store, IApiNotifier notifier, TimeProvider time, ILogger<FeedbackDeadLetters> logger)
{
    public const string DeadLetteredMessage = "We could not read your feedback after several tries. Please try again.";

    public async Task FailIfOpenAsync(string feedbackId, string messageId, CancellationToken cancellationToken)
    {
        var item = await store.GetAsync(feedbackId, cancellationToken);
        if (item is null || item.Status.IsTerminal())
            return;
        if (await store.TryFailAsync(feedbackId, DeadLetteredMessage, time.GetUtcNow(), cancellationToken) is null)
            return;
        LogFailed(feedbackId, messageId);
        await notifier.FeedbackChangedAsync(feedbackId, FeedbackStatus.Failed, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId} was dead-lettered (message {MessageId}); marked failed")]
    private partial void LogFailed(string feedbackId, string messageId);
}
