using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SnapMagic.Queueing;

namespace SnapMagic.Embedded;

/// <summary>
/// A queue in a SQLite table with SQS semantics: a receive leases each message for the visibility timeout,
/// counts the receive and hands out a fresh receipt handle (older handles lose the message); past the max
/// receive count a message moves to the dead-letter queue on its next receive instead of being delivered.
/// A message sent with a delay is written invisible until its sent time plus the delay (SQS <c>DelaySeconds</c>),
/// by the queue's <see cref="TimeProvider"/> like every lease.
/// </summary>
/// <remarks>
/// A stale receipt handle (the lease expired and the message was received again, or it was deleted) makes
/// <see cref="DeleteAsync"/> a no-op, as SQS does, and makes <see cref="ChangeVisibilityAsync"/> throw
/// <see cref="MessageLeaseLostException"/>, so a heartbeat learns that it lost the message.
/// </remarks>
public sealed class SqliteMessageQueue : IMessageQueue
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS messages (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            id            TEXT    NOT NULL UNIQUE,
            queue         TEXT    NOT NULL,
            body          TEXT    NOT NULL,
            attributes    TEXT    NOT NULL,
            sent_at       INTEGER NOT NULL,
            visible_at    INTEGER NOT NULL,
            receive_count INTEGER NOT NULL DEFAULT 0,
            receipt       TEXT    NULL UNIQUE
        );
        CREATE INDEX IF NOT EXISTS ix_messages_queue_visible ON messages (queue, visible_at);
        """;

    /// <summary>How often a long poll looks for messages that other processes sent or released.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);

    private readonly SqliteDatabase _database;
    private readonly TimeSpan _visibilityTimeout;
    private readonly int? _maxReceiveCount;
    private readonly SqliteMessageQueue? _deadLetters;
    private readonly TimeProvider _time;
    private readonly QueueSignal _signal;

    internal SqliteMessageQueue(SqliteDatabase database, string name, TimeSpan visibilityTimeout, int? maxReceiveCount,
        SqliteMessageQueue? deadLetters, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibilityTimeout)
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout must be 0 s to 12 h.");
        if (maxReceiveCount is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxReceiveCount), maxReceiveCount, "The max receive count must be at least 1.");
        if ((maxReceiveCount is null) != (deadLetters is null))
            throw new ArgumentException("A max receive count needs a dead-letter queue and the other way round.", nameof(deadLetters));
        _database = database;
        Name = name;
        _visibilityTimeout = visibilityTimeout;
        _maxReceiveCount = maxReceiveCount;
        _deadLetters = deadLetters;
        _time = time;
        _signal = QueueSignal.For(database.FilePath, name);
    }

    public string Name { get; }

    internal SqliteDatabase Database => _database;

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Body);
        MessageDelays.Checked(message);
        var id = await _database.WriteAsync((connection, transaction) => Insert(connection, transaction, message), cancellationToken)
            .ConfigureAwait(false);
        WakeReceivers();
        return id;
    }

    /// <summary>
    /// Adds the message inside the caller's write transaction and answers its id; once that transaction committed,
    /// call <see cref="WakeReceivers"/>. How a card's job and its message become one commit (<see cref="SqliteCardSubmissions"/>).
    /// </summary>
    internal string Insert(SqliteConnection connection, SqliteTransaction transaction, OutgoingMessage message)
    {
        var delay = MessageDelays.Checked(message);
        var id = Guid.NewGuid().ToString("D");
        var command = PreparedCommands.For(connection, transaction, """
            INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at)
            VALUES (@id, @queue, @body, @attributes, @now, @now + @delay)
            """);
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@queue", Name);
        command.Parameters.AddWithValue("@body", message.Body);
        command.Parameters.AddWithValue("@attributes", JsonSerializer.Serialize(
            new Dictionary<string, string>(message.Attributes ?? new Dictionary<string, string>()),
            EmbeddedJsonContext.Default.DictionaryStringString));
        command.Parameters.AddWithValue("@now", NowMs());
        command.Parameters.AddWithValue("@delay", (long)delay.TotalMilliseconds);
        command.ExecuteNonQuery();
        return id;
    }

    /// <summary>Long polls of this process waiting on this queue look again now.</summary>
    internal void WakeReceivers() => _signal.Pulse();

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, IMessageQueue.MaxMessagesPerReceive);
        if (wait < TimeSpan.Zero || wait > MaxWait)
            throw new ArgumentOutOfRangeException(nameof(wait), wait, "The long-poll wait must be 0-20 s.");

        var started = _time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var woken = _signal.Next;
            var received = await TryReceiveAsync(maxMessages, cancellationToken).ConfigureAwait(false);
            if (received.Count > 0)
                return received;

            var remaining = wait - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
                return [];
            var delay = Task.Delay(remaining < PollInterval ? remaining : PollInterval, _time, cancellationToken);
            await Task.WhenAny(woken, delay).ConfigureAwait(false);
        }
    }

    public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandle);
        return _database.WriteAsync((connection, transaction) =>
        {
            var command = PreparedCommands.For(connection, transaction, "DELETE FROM messages WHERE queue = @queue AND receipt = @receipt");
            command.Parameters.AddWithValue("@queue", Name);
            command.Parameters.AddWithValue("@receipt", receiptHandle);
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandle);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibilityTimeout)
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout must be 0 s to 12 h.");

        var changed = await _database.WriteAsync((connection, transaction) =>
        {
            var now = NowMs();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Only the current holder of a live lease may move it: the receipt matches and the lease has not run out.
            command.CommandText = """
                UPDATE messages SET visible_at = @visibleAt
                WHERE queue = @queue AND receipt = @receipt AND visible_at > @now
                """;
            command.Parameters.AddWithValue("@visibleAt", now + (long)visibilityTimeout.TotalMilliseconds);
            command.Parameters.AddWithValue("@queue", Name);
            command.Parameters.AddWithValue("@receipt", receiptHandle);
            command.Parameters.AddWithValue("@now", now);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        if (changed == 0)
            throw new MessageLeaseLostException(Name, "the receipt handle does not hold a lease (it expired, the message was received again or deleted).");
        if (visibilityTimeout == TimeSpan.Zero)
            _signal.Pulse();
    }

    public Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        // A delayed message (never received, not visible yet) is neither, as SQS counts it apart (ApproximateNumberOfMessagesDelayed).
        command.CommandText = """
            SELECT COALESCE(SUM(visible_at <= @now), 0), COALESCE(SUM(visible_at > @now AND receive_count > 0), 0)
            FROM messages WHERE queue = @queue
            """;
        command.Parameters.AddWithValue("@queue", Name);
        command.Parameters.AddWithValue("@now", NowMs());
        using var reader = command.ExecuteReader();
        reader.Read();
        return Task.FromResult(new QueueDepth(reader.GetInt64(0), reader.GetInt64(1)));
    }

    private async Task<List<QueueMessage>> TryReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        // A cheap read first: WAL readers take no lock, so idle pollers never queue up for the write lock.
        using (var reader = _database.Open())
        {
            if (!AnyVisible(reader, NowMs()))
                return [];
        }

        var movedToDeadLetters = false;
        var received = await _database.WriteAsync((connection, transaction) =>
        {
            var leased = new List<QueueMessage>(maxMessages);
            var now = NowMs();
            var afterSeq = 0L;
            while (leased.Count < maxMessages)
            {
                var candidates = ReadVisible(connection, transaction, now, afterSeq, maxMessages - leased.Count);
                if (candidates.Count == 0)
                    break;
                foreach (var candidate in candidates)
                {
                    afterSeq = candidate.Seq;
                    if (_maxReceiveCount is { } max && candidate.ReceiveCount >= max)
                    {
                        MoveToDeadLetters(connection, transaction, candidate.Seq, now);
                        movedToDeadLetters = true;
                    }
                    else
                    {
                        leased.Add(Lease(connection, transaction, candidate, now));
                    }
                }
            }
            return leased;
        }, cancellationToken).ConfigureAwait(false);
        if (movedToDeadLetters)
            _deadLetters!._signal.Pulse();
        return received;
    }

    private bool AnyVisible(SqliteConnection connection, long now)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM messages WHERE queue = @queue AND visible_at <= @now)";
        command.Parameters.AddWithValue("@queue", Name);
        command.Parameters.AddWithValue("@now", now);
        return Convert.ToInt64(command.ExecuteScalar()) == 1;
    }

    private List<Candidate> ReadVisible(SqliteConnection connection, SqliteTransaction transaction, long now, long afterSeq, int limit)
    {
        var command = PreparedCommands.For(connection, transaction, """
            SELECT seq, id, body, attributes, sent_at, receive_count FROM messages
            WHERE queue = @queue AND visible_at <= @now AND seq > @afterSeq
            ORDER BY seq LIMIT @limit
            """);
        command.Parameters.AddWithValue("@queue", Name);
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@afterSeq", afterSeq);
        command.Parameters.AddWithValue("@limit", limit);
        using var reader = command.ExecuteReader();
        var candidates = new List<Candidate>();
        while (reader.Read())
            candidates.Add(new Candidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt32(5)));
        return candidates;
    }

    private QueueMessage Lease(SqliteConnection connection, SqliteTransaction transaction, Candidate candidate, long now)
    {
        var receipt = $"{candidate.Id}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var command = PreparedCommands.For(connection, transaction, """
            UPDATE messages SET visible_at = @visibleAt, receive_count = receive_count + 1, receipt = @receipt
            WHERE seq = @seq
            """);
        command.Parameters.AddWithValue("@visibleAt", now + (long)_visibilityTimeout.TotalMilliseconds);
        command.Parameters.AddWithValue("@receipt", receipt);
        command.Parameters.AddWithValue("@seq", candidate.Seq);
        command.ExecuteNonQuery();

        var attributes = JsonSerializer.Deserialize(candidate.Attributes, EmbeddedJsonContext.Default.DictionaryStringString)
            ?? new Dictionary<string, string>();
        return new QueueMessage(candidate.Id, receipt, candidate.Body, attributes, candidate.ReceiveCount + 1,
            DateTimeOffset.FromUnixTimeMilliseconds(candidate.SentAt));
    }

    private void MoveToDeadLetters(SqliteConnection connection, SqliteTransaction transaction, long seq, long now)
    {
        // Same row, new queue: the move and the message can never be lost halfway. The count starts again,
        // since the dead-letter queue has no redrive of its own.
        var command = PreparedCommands.For(connection, transaction, """
            UPDATE messages SET queue = @deadLetters, visible_at = @now, receive_count = 0, receipt = NULL
            WHERE seq = @seq
            """);
        command.Parameters.AddWithValue("@deadLetters", _deadLetters!.Name);
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@seq", seq);
        command.ExecuteNonQuery();
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record Candidate(long Seq, string Id, string Body, string Attributes, long SentAt, int ReceiveCount);
}
