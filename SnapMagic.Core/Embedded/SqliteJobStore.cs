using Microsoft.Data.Sqlite;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Embedded;

/// <summary>
/// Card jobs in <c>{DataDirectory}/jobs.db</c> (<see cref="SqliteCardDatabase"/>). Every status change is one UPDATE whose WHERE names the
/// statuses <see cref="CardStatusExtensions.CanMoveTo"/> allows, so two processes can never both win a move.
/// </summary>
public sealed partial class SqliteJobStore : IJobStore, IDisposable
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            correlation_id  TEXT    PRIMARY KEY,
            session_id      TEXT    NOT NULL,
            prompt          TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            created_at      INTEGER NOT NULL,
            started_at      INTEGER NULL,
            completed_at    INTEGER NULL,
            image_key       TEXT    NULL,
            error           TEXT    NULL,
            idempotency_key TEXT    NULL,
            rating          TEXT    NULL,
            rating_source   TEXT    NULL,
            animation_status             TEXT    NULL,
            animation_requested_at       INTEGER NULL,
            animation_started_at         INTEGER NULL,
            animation_finished_at        INTEGER NULL,
            animation_invocation_id      TEXT    NULL,
            animation_video_key          TEXT    NULL,
            animation_video_content_type TEXT    NULL,
            animation_error              TEXT    NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_jobs_session_idempotency
            ON jobs (session_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_jobs_session_created ON jobs (session_id, created_at);
        CREATE INDEX IF NOT EXISTS ix_jobs_status_created ON jobs (status, created_at);
        """;

    /// <summary>What every read returns, in the order <see cref="Map"/> reads it; the written ones come first (<see cref="Insert"/>).</summary>
    private const string Columns =
        "correlation_id, session_id, prompt, status, created_at, started_at, completed_at, image_key, error, idempotency_key, rating, rating_source, "
        + "animation_status, animation_requested_at, animation_started_at, animation_finished_at, animation_invocation_id, animation_video_key, "
        + "animation_video_content_type, animation_error";

    private const string InsertedColumns =
        "correlation_id, session_id, prompt, status, created_at, started_at, completed_at, image_key, error, idempotency_key, rating, rating_source";

    private readonly SqliteDatabase _database;
    /// <summary>The file this store opened itself, which it closes; null when it shares the process's one.</summary>
    private readonly SqliteCardDatabase? _ownedDatabase;

    public SqliteJobStore(SqliteCardDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database.Database;
    }

    /// <summary>A store with a connection of its own to the folder's file, as another process has.</summary>
    public SqliteJobStore(string dataDirectory)
    {
        _ownedDatabase = new SqliteCardDatabase(dataDirectory);
        _database = _ownedDatabase.Database;
    }

    internal SqliteDatabase Database => _database;

    public Task<(CardJob Job, bool Created)> CreateAsync(CardJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _database.WriteAsync((connection, transaction) => Insert(connection, transaction, job), cancellationToken);
    }

    /// <summary>
    /// <see cref="CreateAsync"/> inside the caller's write transaction: the new job with <c>Created = true</c>, or the
    /// session's job with the same idempotency key and nothing written.
    /// </summary>
    internal static (CardJob Job, bool Created) Insert(SqliteConnection connection, SqliteTransaction transaction, CardJob job)
    {
        if (job.IdempotencyKey is not null)
        {
            var find = PreparedCommands.For(connection, transaction, $"SELECT {Columns} FROM jobs WHERE session_id = @session AND idempotency_key = @key");
            find.Parameters.AddWithValue("@session", job.SessionId);
            find.Parameters.AddWithValue("@key", job.IdempotencyKey);
            if (ReadOne(find) is { } existing)
                return (existing, false);
        }

        var insert = PreparedCommands.For(connection, transaction, $"""
            INSERT INTO jobs ({InsertedColumns})
            VALUES (@id, @session, @prompt, @status, @createdAt, @startedAt, @completedAt, @imageKey, @error, @key, @rating, @ratingSource)
            """);
        insert.Parameters.AddWithValue("@id", job.CorrelationId);
        insert.Parameters.AddWithValue("@session", job.SessionId);
        insert.Parameters.AddWithValue("@prompt", job.Prompt);
        insert.Parameters.AddWithValue("@status", job.Status.ToWireName());
        insert.Parameters.AddWithValue("@createdAt", job.CreatedAt.UtcTicks);
        insert.Parameters.AddWithValue("@startedAt", (object?)job.StartedAt?.UtcTicks ?? DBNull.Value);
        insert.Parameters.AddWithValue("@completedAt", (object?)job.CompletedAt?.UtcTicks ?? DBNull.Value);
        insert.Parameters.AddWithValue("@imageKey", (object?)job.ImageKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("@error", (object?)job.Error ?? DBNull.Value);
        insert.Parameters.AddWithValue("@key", (object?)job.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("@rating", (object?)job.Rating?.ToWireName() ?? DBNull.Value);
        insert.Parameters.AddWithValue("@ratingSource", job.Rating is null ? DBNull.Value : (job.RatingSource ?? RatingSource.Button).ToWireName());
        insert.ExecuteNonQuery();
        return (job, true);
    }

    public Task<CardJob?> GetAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs WHERE correlation_id = @id";
        command.Parameters.AddWithValue("@id", correlationId);
        return Task.FromResult(ReadOne(command));
    }

    public Task<IReadOnlyList<CardJob>> ListBySessionAsync(string sessionId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM jobs WHERE session_id = @session
            ORDER BY created_at DESC, rowid DESC LIMIT @limit
            """;
        command.Parameters.AddWithValue("@session", sessionId);
        command.Parameters.AddWithValue("@limit", limit);
        return Task.FromResult(ReadAll(command));
    }

    public Task<long?> CountQueuedAheadAsync(CardJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        // Cards created in the same tick are ordered by insertion (rowid), as the list orders them.
        command.CommandText = """
            SELECT COUNT(*) FROM (
                SELECT 1 FROM jobs
                WHERE status = @queued AND (created_at < @createdAt OR (created_at = @createdAt
                    AND rowid < (SELECT rowid FROM jobs WHERE correlation_id = @id)))
                LIMIT @max)
            """;
        command.Parameters.AddWithValue("@max", IJobStore.MaxQueuedAhead);
        command.Parameters.AddWithValue("@queued", CardStatus.Queued.ToWireName());
        command.Parameters.AddWithValue("@createdAt", job.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("@id", job.CorrelationId);
        return Task.FromResult<long?>((long)command.ExecuteScalar()!);
    }

    public Task<CardJob?> TryStartAsync(string correlationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        TryMoveAsync(correlationId, CardStatus.Processing, "started_at = @at", startedAt, null, cancellationToken);

    public Task<CardJob?> TryCompleteAsync(string correlationId, string imageKey, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageKey);
        return TryMoveAsync(correlationId, CardStatus.Completed, "completed_at = @at, image_key = @text", completedAt, imageKey, cancellationToken);
    }

    public Task<CardJob?> TryFailAsync(string correlationId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return TryMoveAsync(correlationId, CardStatus.Failed, "completed_at = @at, error = @text", failedAt, error, cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM jobs WHERE 0";
        command.ExecuteScalar();
        return Task.CompletedTask;
    }

    public void Dispose() => _ownedDatabase?.Dispose();

    private Task<CardJob?> TryMoveAsync(string correlationId, CardStatus to, string set, DateTimeOffset at, string? text,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        var from = Enum.GetValues<CardStatus>().Where(status => status.CanMoveTo(to)).ToArray();
        return _database.WriteAsync((connection, transaction) =>
        {
            var command = PreparedCommands.For(connection, transaction, $"""
                UPDATE jobs SET status = @to, {set}
                WHERE correlation_id = @id AND status IN ({string.Join(", ", from.Select((_, i) => $"@from{i}"))})
                RETURNING {Columns}
                """);
            command.Parameters.AddWithValue("@to", to.ToWireName());
            command.Parameters.AddWithValue("@id", correlationId);
            command.Parameters.AddWithValue("@at", at.UtcTicks);
            command.Parameters.AddWithValue("@text", (object?)text ?? DBNull.Value);
            for (var i = 0; i < from.Length; i++)
                command.Parameters.AddWithValue($"@from{i}", from[i].ToWireName());
            return ReadOne(command);
        }, cancellationToken);
    }

    private static IReadOnlyList<CardJob> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var jobs = new List<CardJob>();
        while (reader.Read())
            jobs.Add(Map(reader));
        return jobs;
    }

    private static CardJob? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Map(reader) : null;
    }

    private static CardJob Map(SqliteDataReader reader) => new()
    {
        CorrelationId = reader.GetString(0),
        SessionId = reader.GetString(1),
        Prompt = reader.GetString(2),
        Status = ParseStatus(reader.GetString(3)),
        CreatedAt = FromTicks(reader.GetInt64(4)),
        StartedAt = reader.IsDBNull(5) ? null : FromTicks(reader.GetInt64(5)),
        CompletedAt = reader.IsDBNull(6) ? null : FromTicks(reader.GetInt64(6)),
        ImageKey = reader.IsDBNull(7) ? null : reader.GetString(7),
        Error = reader.IsDBNull(8) ? null : reader.GetString(8),
        IdempotencyKey = reader.IsDBNull(9) ? null : reader.GetString(9),
        Rating = reader.IsDBNull(10) ? null : ParseRating(reader.GetString(10)),
        // Ratings from before the source was kept were all given with the buttons.
        RatingSource = reader.IsDBNull(10) ? null : reader.IsDBNull(11) ? RatingSource.Button : ParseRatingSource(reader.GetString(11)),
        Animation = reader.IsDBNull(12) ? null : new CardAnimation
        {
            Status = ParseAnimationStatus(reader.GetString(12)),
            RequestedAt = FromTicks(reader.GetInt64(13)),
            StartedAt = reader.IsDBNull(14) ? null : FromTicks(reader.GetInt64(14)),
            FinishedAt = reader.IsDBNull(15) ? null : FromTicks(reader.GetInt64(15)),
            InvocationId = reader.IsDBNull(16) ? null : reader.GetString(16),
            VideoKey = reader.IsDBNull(17) ? null : reader.GetString(17),
            VideoContentType = reader.IsDBNull(18) ? null : reader.GetString(18),
            Error = reader.IsDBNull(19) ? null : reader.GetString(19),
        },
    };

    private static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static CardStatus ParseStatus(string wireName) => wireName switch
    {
        "queued" => CardStatus.Queued,
        "processing" => CardStatus.Processing,
        "completed" => CardStatus.Completed,
        "failed" => CardStatus.Failed,
        _ => throw new InvalidDataException($"Unknown card status '{wireName}' in the job store."),
    };
}
