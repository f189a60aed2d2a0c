using System.Diagnostics;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Api.Feedback;

/// <summary>
/// The accept path of feedback, as for cards on the AWS backend: the recording into the blob store, a queued item into the
/// feedback store, then its message on the job queue with the trace context. A message the queue refuses marks the item
/// failed, so no queued item waits for a message that will never come.
/// </summary>
internal sealed class FeedbackIntake(IFeedbackStore store, IImageStore blobs, ICardQueues queues, TimeProvider time, ILogger<FeedbackIntake> logger)
{
    public const string QueueFailedMessage = "Your feedback could not be queued; please try again in a moment.";

    /// <summary>The stored item, and whether its message is on the queue (false: the item was marked failed).</summary>
    public async Task<(FeedbackItem Item, bool Queued)> AcceptAsync(string sessionId, FeedbackBody body)
    {
        var feedbackId = CorrelationIds.New();
        string? recordingKey = null;
        // No request cancellation from here: a client that hangs up must not leave a stored item that was never queued.
        if (body.Recording is { } recording)
        {
            recordingKey = FeedbackItem.RecordingKeyFor(sessionId, feedbackId, body.RecordingContentType!);
            await blobs.SaveAsync(recordingKey, recording, body.RecordingContentType!, CancellationToken.None);
        }
        var item = new FeedbackItem
        {
            FeedbackId = feedbackId,
            SessionId = sessionId,
            Kind = body.Kind,
            Status = FeedbackStatus.Queued,
            CreatedAt = time.GetUtcNow(),
            RecordingKey = recordingKey,
            RecordingContentType = body.RecordingContentType,
            Text = body.Text,
        };
        await store.CreateAsync(item, CancellationToken.None);

        using var activity = JobMessageAttributes.StartSend("feedback enqueue", feedbackId, queues.Jobs);
        try
        {
            await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Feedback(feedbackId).ToJson(), JobMessageAttributes.For(feedbackId)), CancellationToken.None);
            return (item, true);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Feedback {FeedbackId}: the job queue refused its message; marked failed", feedbackId);
            var failed = await store.TryFailAsync(feedbackId, QueueFailedMessage, time.GetUtcNow(), CancellationToken.None);
            return (failed ?? item, false);
        }
    }
}
