namespace SnapMagic.Embedded;

/// <summary>
/// <c>{DataDirectory}/jobs.db</c>: the card jobs, the attendees' feedback and the job queues in one SQLite file, so accepting a card writes its
/// job and its message in one transaction (<see cref="SqliteCardSubmissions"/>). Api and workers share the file; in
/// one process the job store, the queues and the intake share this instance, so their writes batch together.
/// </summary>
/// <remarks>
/// One file rather than an outbox in jobs.db relayed to a queue file: an outbox still commits twice per card (the
/// relay's move), adds a relay that must run somewhere and delays every card by its polling, while WAL and the
/// per-process write batches make one writer lock cheap: a commit appends to the WAL without an fsync
/// (<c>synchronous=NORMAL</c>), and a worker's job and queue writes now share its batches too.
/// </remarks>
public sealed class SqliteCardDatabase : IDisposable
{
    public const string FileName = "jobs.db";

    public SqliteCardDatabase(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Database = new SqliteDatabase(Path.Combine(dataDirectory, FileName), SqliteJobStore.Schema + SqliteMessageQueue.Schema + SqliteFeedbackStore.Schema);
        SqliteJobStore.AddColumnsToOlderFiles(Database);
        LegacyQueueFile.ImportOnce(Database, Path.Combine(dataDirectory, LegacyQueueFile.FileName));
    }

    internal SqliteDatabase Database { get; }

    public void Dispose() => Database.Dispose();
}
