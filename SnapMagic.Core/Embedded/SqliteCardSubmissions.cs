using SnapMagic.Cards;
using SnapMagic.Queueing;

namespace SnapMagic.Embedded;

/// <summary>
/// A card's job and its message in one write transaction of <c>jobs.db</c>: one commit per accepted card, and either
/// both are there or neither (a failed write leaves no queued job that no message will ever start). The queue never
/// refuses separately here, so <see cref="CardSubmissionOutcome.QueueRefused"/> never happens; a failed write throws.
/// </summary>
public sealed class SqliteCardSubmissions(SqliteCardDatabase database, SqliteCardQueues queues) : ICardSubmissions
{
    public async Task<CardSubmission> SubmitAsync(CardJob job, IReadOnlyDictionary<string, string> messageAttributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(messageAttributes);
        var message = new OutgoingMessage(new CardMessage(job.CorrelationId).ToJson(), messageAttributes);
        var (stored, created) = await database.Database.WriteAsync((connection, transaction) =>
        {
            var inserted = SqliteJobStore.Insert(connection, transaction, job);
            if (inserted.Created)
                queues.JobQueue.Insert(connection, transaction, message);
            return inserted;
        }, cancellationToken).ConfigureAwait(false);

        if (!created)
            return new CardSubmission(CardSubmissionOutcome.Replayed, stored);
        queues.JobQueue.WakeReceivers();
        return new CardSubmission(CardSubmissionOutcome.Queued, stored);
    }
}
