using SnapMagic.Queueing;

namespace SnapMagic.Embedded;

/// <summary>The card queue and its dead-letter queue, both in <c>{DataDirectory}/jobs.db</c> (<see cref="SqliteCardDatabase"/>).</summary>
public sealed class SqliteCardQueues : ICardQueues, IDisposable
{
    private readonly SqliteCardDatabase _database;
    /// <summary>These queues opened the file themselves, so they close it; false when they share the process's one.</summary>
    private readonly bool _ownsDatabase;

    public SqliteCardQueues(SqliteCardDatabase database, QueueOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Name == options.DeadLetterName)
            throw new ArgumentException($"Queue:Name and Queue:DeadLetterName must differ (both are '{options.Name}').", nameof(options));
        _database = database;
        time ??= TimeProvider.System;
        var visibilityTimeout = TimeSpan.FromSeconds(options.VisibilityTimeoutSeconds);
        var deadLetters = new SqliteMessageQueue(database.Database, options.DeadLetterName, visibilityTimeout, null, null, time);
        DeadLetters = deadLetters;
        JobQueue = new SqliteMessageQueue(database.Database, options.Name, visibilityTimeout, options.MaxReceiveCount, deadLetters, time);
    }

    /// <summary>Queues with a connection of their own to the folder's file, as another process has.</summary>
    public SqliteCardQueues(string dataDirectory, QueueOptions options, TimeProvider? time = null)
        : this(new SqliteCardDatabase(dataDirectory), options, time) => _ownsDatabase = true;

    public IMessageQueue Jobs => JobQueue;
    public IMessageQueue DeadLetters { get; }

    internal SqliteMessageQueue JobQueue { get; }

    public void Dispose()
    {
        if (_ownsDatabase)
            _database.Dispose();
    }
}
