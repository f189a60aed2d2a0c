using Microsoft.Extensions.Options;
using SnapMagic.Queueing;

namespace SnapMagic.Embedded;

/// <summary>The card queue and its dead-letter queue, both in <c>{DataDirectory}/queues.db</c>.</summary>
public sealed class SqliteCardQueues : ICardQueues, IDisposable
{
    private readonly SqliteDatabase _database;

    public SqliteCardQueues(IOptions<EmbeddedOptions> embedded, IOptions<QueueOptions> queue, TimeProvider? time = null)
        : this(embedded.Value.DataDirectory, queue.Value, time)
    {
    }

    public SqliteCardQueues(string dataDirectory, QueueOptions options, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Name == options.DeadLetterName)
            throw new ArgumentException($"Queue:Name and Queue:DeadLetterName must differ (both are '{options.Name}').", nameof(options));
        time ??= TimeProvider.System;
        _database = new SqliteDatabase(Path.Combine(dataDirectory, "queues.db"), SqliteMessageQueue.Schema);
        var visibilityTimeout = TimeSpan.FromSeconds(options.VisibilityTimeoutSeconds);
        var deadLetters = new SqliteMessageQueue(_database, options.DeadLetterName, visibilityTimeout, null, null, time);
        DeadLetters = deadLetters;
        Jobs = new SqliteMessageQueue(_database, options.Name, visibilityTimeout, options.MaxReceiveCount, deadLetters, time);
    }

    public IMessageQueue Jobs { get; }
    public IMessageQueue DeadLetters { get; }

    public void Dispose() => _database.Dispose();
}
