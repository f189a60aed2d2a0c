using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Embedded;

/// <summary>
/// A card's job and its message in one write transaction of <c>jobs.db</c>: one commit per accepted card, and either
/// both are there or neither (a failed write leaves no queued job that no message will ever start). The queue never
/// refuses separately here, so <see cref="CardSubmissionOutcome.QueueRefused"/> never happens; a failed write throws.
/// </summary>
public sealed class SqliteCardSubmissions : ICardSubmissions
{
    private readonly SqliteDatabase _database;
    private readonly SqliteMessageQueue _jobQueue;

    public SqliteCardSubmissions(SqliteCardDatabase database, SqliteCardQueues queues)
        : this(database.Database, queues.JobQueue)
    {
    }

    private SqliteCardSubmissions(SqliteDatabase database, SqliteMessageQueue jobQueue)
    {
        _database = database;
        _jobQueue = jobQueue;
    }

    /// <summary>The intake for this pair of ports when both are tables of one SQLite file; null otherwise.</summary>
    public static SqliteCardSubmissions? InOneTransaction(IJobStore store, ICardQueues queues) =>
        store is SqliteJobStore jobs && queues is SqliteCardQueues cardQueues && jobs.Database == cardQueues.JobQueue.Database
            ? new SqliteCardSubmissions(jobs.Database, cardQueues.JobQueue)
            : null;

    public async Task<CardSubmission> SubmitAsync(CardJob job, IReadOnlyDictionary<string, string> messageAttributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(messageAttributes);
        var message = new OutgoingMessage(JobMessage.Card(job.CorrelationId).ToJson(), messageAttributes);
        var (stored, created) = await _database.WriteAsync((connection, transaction) =>
        {
            var inserted = SqliteJobStore.Insert(connection, transaction, job);
            if (inserted.Created)
                _jobQueue.Insert(connection, transaction, message);
            return inserted;
        }, cancellationToken).ConfigureAwait(false);

        if (!created)
            return new CardSubmission(CardSubmissionOutcome.Replayed, stored);
        _jobQueue.WakeReceivers();
        return new CardSubmission(CardSubmissionOutcome.Queued, stored);
    }
}
