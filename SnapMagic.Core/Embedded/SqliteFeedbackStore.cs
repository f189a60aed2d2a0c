using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SnapMagic.Feedback;

namespace SnapMagic.Embedded;

/// <summary>
/// Attendees' feedback in the <c>feedback</c> table of <c>{DataDirectory}/jobs.db</c> (<see cref="SqliteCardDatabase"/>), beside the
/// cards. As for cards, every status change is one UPDATE whose WHERE names the statuses it may leave, and the organizer's
/// figures are aggregates over indexes, never a read of every row.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore, IDisposable
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS feedback (
            feedback_id            TEXT    PRIMARY KEY,
            session_id             TEXT    NOT NULL,
            kind                   TEXT    NOT NULL,
            status                 TEXT    NOT NULL,
            created_at             INTEGER NOT NULL,
            started_at             INTEGER NULL,
            finished_at            INTEGER NULL,
            recording_key          TEXT    NULL,
            recording_content_type TEXT    NULL,
            text                   TEXT    NULL,
            transcribed            INTEGER NOT NULL DEFAULT 0,
            sentiment              TEXT    NULL,
            error                  TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS ix_feedback_created ON feedback (created_at);
        CREATE INDEX IF NOT EXISTS ix_feedback_status ON feedback (status);
        CREATE INDEX IF NOT EXISTS ix_feedback_kind_status_transcribed ON feedback (kind, status, transcribed);
        CREATE INDEX IF NOT EXISTS ix_feedback_sentiment ON feedback (sentiment) WHERE sentiment IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_feedback_latest_text ON feedback (finished_at) WHERE status = 'completed' AND text IS NOT NULL;
        """;

    private const string Columns =
        "feedback_id, session_id, kind, status, created_at, started_at, finished_at, recording_key, recording_content_type, text, transcribed, sentiment, error";

    private readonly SqliteDatabase _database;
    /// <summary>The file this store opened itself, which it closes; null when it shares the process's one.</summary>
    private readonly SqliteCardDatabase? _ownedDatabase;

    public SqliteFeedbackStore(SqliteCardDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database.Database;
    }

    /// <summary>A store with a connection of its own to the folder's file, as another process has.</summary>
    public SqliteFeedbackStore(string dataDirectory)
    {
        _ownedDatabase = new SqliteCardDatabase(dataDirectory);
        _database = _ownedDatabase.Database;
    }

    public Task CreateAsync(FeedbackItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _database.WriteAsync((connection, transaction) =>
        {
            var insert = PreparedCommands.For(connection, transaction, $"""
                INSERT INTO feedback ({Columns})
                VALUES (@id, @session, @kind, @status, @createdAt, @startedAt, @finishedAt, @recordingKey, @recordingType, @text,
                        @transcribed, @sentiment, @error)
                """);
            insert.Parameters.AddWithValue("@id", item.FeedbackId);
            insert.Parameters.AddWithValue("@session", item.SessionId);
            insert.Parameters.AddWithValue("@kind", item.Kind.ToWireName());
            insert.Parameters.AddWithValue("@status", item.Status.ToWireName());
            insert.Parameters.AddWithValue("@createdAt", item.CreatedAt.UtcTicks);
            insert.Parameters.AddWithValue("@startedAt", (object?)item.StartedAt?.UtcTicks ?? DBNull.Value);
            insert.Parameters.AddWithValue("@finishedAt", (object?)item.FinishedAt?.UtcTicks ?? DBNull.Value);
            insert.Parameters.AddWithValue("@recordingKey", (object?)item.RecordingKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("@recordingType", (object?)item.RecordingContentType ?? DBNull.Value);
            insert.Parameters.AddWithValue("@text", (object?)item.Text ?? DBNull.Value);
            insert.Parameters.AddWithValue("@transcribed", item.Transcribed);
            insert.Parameters.AddWithValue("@sentiment", (object?)item.Sentiment?.ToWireName() ?? DBNull.Value);
            insert.Parameters.AddWithValue("@error", (object?)item.Error ?? DBNull.Value);
            return insert.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<FeedbackItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM feedback WHERE feedback_id = @id";
        command.Parameters.AddWithValue("@id", feedbackId);
        return Task.FromResult(ReadAll(command).SingleOrDefault());
    }

    public Task<FeedbackItem?> TryStartAsync(string feedbackId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        TryMoveAsync(feedbackId, FeedbackStatus.Processing, [FeedbackStatus.Queued, FeedbackStatus.Processing], "started_at = @at", startedAt,
            static _ => { }, cancellationToken);

    public Task<FeedbackItem?> TryCompleteAsync(string feedbackId, string? text, bool transcribed, Sentiment? sentiment, DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default) =>
        // No text keeps the text there is (a typed answer came with its text).
        TryMoveAsync(feedbackId, FeedbackStatus.Completed, [FeedbackStatus.Processing],
            "finished_at = @at, text = COALESCE(@text, text), transcribed = @transcribed, sentiment = @sentiment", finishedAt, parameters =>
            {
                parameters.AddWithValue("@text", (object?)text ?? DBNull.Value);
                parameters.AddWithValue("@transcribed", transcribed);
                parameters.AddWithValue("@sentiment", (object?)sentiment?.ToWireName() ?? DBNull.Value);
            }, cancellationToken);

    public Task<FeedbackItem?> TryFailAsync(string feedbackId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return TryMoveAsync(feedbackId, FeedbackStatus.Failed, [FeedbackStatus.Queued, FeedbackStatus.Processing], "finished_at = @at, error = @error",
            finishedAt, parameters => parameters.AddWithValue("@error", error), cancellationToken);
    }

    public Task<FeedbackStatistics> GetStatisticsAsync(int latest, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(latest);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        var byStatus = SqliteDatabase.CountsBy(connection, "SELECT status, COUNT(*) FROM feedback GROUP BY status");
        var byKind = SqliteDatabase.CountsBy(connection, "SELECT kind, COUNT(*) FROM feedback GROUP BY kind");
        var bySentiment = SqliteDatabase.CountsBy(connection, "SELECT sentiment, COUNT(*) FROM feedback WHERE sentiment IS NOT NULL GROUP BY sentiment");
        using var notTranscribed = connection.CreateCommand();
        notTranscribed.CommandText = "SELECT COUNT(*) FROM feedback WHERE kind = 'spoken' AND status = 'completed' AND transcribed = 0";
        using var newest = connection.CreateCommand();
        // The partial index of exactly these rows, named: SQLite reads its newest entries and stops, however many completed
        // recordings have no text (without statistics it would pick the status index and sort every completed item).
        newest.CommandText = $"""
            SELECT {Columns} FROM feedback INDEXED BY ix_feedback_latest_text WHERE status = 'completed' AND text IS NOT NULL
            ORDER BY finished_at DESC LIMIT @latest
            """;
        newest.Parameters.AddWithValue("@latest", latest);
        return Task.FromResult(new FeedbackStatistics
        {
            Received = byStatus.Values.Sum(),
            Completed = byStatus.GetValueOrDefault(FeedbackStatus.Completed.ToWireName()),
            Failed = byStatus.GetValueOrDefault(FeedbackStatus.Failed.ToWireName()),
            Spoken = byKind.GetValueOrDefault(FeedbackKind.Spoken.ToWireName()),
            Typed = byKind.GetValueOrDefault(FeedbackKind.Typed.ToWireName()),
            NotTranscribed = (long)notTranscribed.ExecuteScalar()!,
            Positive = bySentiment.GetValueOrDefault(Sentiment.Positive.ToWireName()),
            Neutral = bySentiment.GetValueOrDefault(Sentiment.Neutral.ToWireName()),
            Negative = bySentiment.GetValueOrDefault(Sentiment.Negative.ToWireName()),
            Latest = latest == 0 ? [] : ReadAll(newest),
        });
    }

    public async IAsyncEnumerable<FeedbackItem> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM feedback ORDER BY created_at, rowid";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Map(reader);
    }

    public void Dispose() => _ownedDatabase?.Dispose();

    private Task<FeedbackItem?> TryMoveAsync(string feedbackId, FeedbackStatus to, FeedbackStatus[] from, string set, DateTimeOffset at,
        Action<SqliteParameterCollection> addParameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        return _database.WriteAsync((connection, transaction) =>
        {
            var command = PreparedCommands.For(connection, transaction, $"""
                UPDATE feedback SET status = @to, {set}
                WHERE feedback_id = @id AND status IN ({string.Join(", ", from.Select((_, i) => $"@from{i}"))})
                RETURNING {Columns}
                """);
            command.Parameters.AddWithValue("@to", to.ToWireName());
            command.Parameters.AddWithValue("@id", feedbackId);
            command.Parameters.AddWithValue("@at", at.UtcTicks);
            for (var i = 0; i < from.Length; i++)
                command.Parameters.AddWithValue($"@from{i}", from[i].ToWireName());
            addParameters(command.Parameters);
            return ReadAll(command).SingleOrDefault();
        }, cancellationToken);
    }

    private static List<FeedbackItem> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var items = new List<FeedbackItem>();
        while (reader.Read())
            items.Add(Map(reader));
        return items;
    }

    private static FeedbackItem Map(SqliteDataReader reader) => new()
    {
        FeedbackId = reader.GetString(0),
        SessionId = reader.GetString(1),
        Kind = FeedbackWireNames.TryParseKind(reader.GetString(2), out var kind)
            ? kind : throw new InvalidDataException($"Unknown feedback kind '{reader.GetString(2)}' in the feedback store."),
        Status = FeedbackWireNames.TryParseStatus(reader.GetString(3), out var status)
            ? status : throw new InvalidDataException($"Unknown feedback status '{reader.GetString(3)}' in the feedback store."),
        CreatedAt = FromTicks(reader.GetInt64(4)),
        StartedAt = reader.IsDBNull(5) ? null : FromTicks(reader.GetInt64(5)),
        FinishedAt = reader.IsDBNull(6) ? null : FromTicks(reader.GetInt64(6)),
        RecordingKey = reader.IsDBNull(7) ? null : reader.GetString(7),
        RecordingContentType = reader.IsDBNull(8) ? null : reader.GetString(8),
        Text = reader.IsDBNull(9) ? null : reader.GetString(9),
        Transcribed = reader.GetInt64(10) != 0,
        Sentiment = reader.IsDBNull(11) ? null
            : FeedbackWireNames.TryParseSentiment(reader.GetString(11), out var sentiment)
                ? sentiment : throw new InvalidDataException($"Unknown sentiment '{reader.GetString(11)}' in the feedback store."),
        Error = reader.IsDBNull(12) ? null : reader.GetString(12),
    };

    private static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
