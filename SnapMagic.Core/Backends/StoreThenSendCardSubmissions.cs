using Microsoft.Extensions.Logging;
using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Backends;

/// <summary>
/// A job store and a queue that share no transaction (DynamoDB and SQS): the job is stored first (queued), then its
/// message is sent. When the queue refuses, the job is marked failed with a readable message, so no card waits for a
/// message that was never sent.
/// </summary>
public sealed class StoreThenSendCardSubmissions(IJobStore store, ICardQueues queues, TimeProvider time,
    ILogger<StoreThenSendCardSubmissions> logger)
    : ICardSubmissions
{
    public async Task<CardSubmission> SubmitAsync(CardJob job, IReadOnlyDictionary<string, string> messageAttributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(messageAttributes);
        var (stored, created) = await store.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        if (!created)
            return new CardSubmission(CardSubmissionOutcome.Replayed, stored);

        try
        {
            // Not the caller's token from here on: a stored job must get its message or be marked failed.
            await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Card(stored.CorrelationId).ToJson(), messageAttributes), CancellationToken.None)
                .ConfigureAwait(false);
            return new CardSubmission(CardSubmissionOutcome.Queued, stored);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Card {CorrelationId} could not be queued", stored.CorrelationId);
            var failed = await store.TryFailAsync(stored.CorrelationId, ICardSubmissions.QueueFailedMessage, time.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            return new CardSubmission(CardSubmissionOutcome.QueueRefused, failed ?? stored);
        }
    }
}
