using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SnapMagic.Cards;
using SnapMagic.Statistics;

namespace SnapMagic.Embedded;

/// <summary>Ratings and the organizer's figures: SQL aggregates over indexes, so no query reads every card's row.</summary>
public sealed partial class SqliteJobStore
{
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;
    private const int MaxFailureReasons = 20;

    /// <summary>
    /// Columns added after the first files were made: an older file gets them (<see cref="AddColumnsToOlderFiles"/>), and
    /// <see cref="LaterIndexes"/> need them, so those are made there too.
    /// </summary>
    private static readonly (string Name, string Definition)[] LaterColumns =
    [
        ("rating", "TEXT NULL"),
        ("rating_source", "TEXT NULL"),
        ("animation_status", "TEXT NULL"),
        ("animation_requested_at", "INTEGER NULL"),
        ("animation_started_at", "INTEGER NULL"),
        ("animation_finished_at", "INTEGER NULL"),
        ("animation_invocation_id", "TEXT NULL"),
        ("animation_video_key", "TEXT NULL"),
        ("animation_video_content_type", "TEXT NULL"),
        ("animation_error", "TEXT NULL"),
    ];

    private const string LaterIndexes = """
        CREATE INDEX IF NOT EXISTS ix_jobs_rating ON jobs (rating) WHERE rating IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_jobs_rating_source ON jobs (rating_source, rating) WHERE rating IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_jobs_animation_status ON jobs (animation_status) WHERE animation_status IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_jobs_status_completed ON jobs (status, completed_at);
        CREATE INDEX IF NOT EXISTS ix_jobs_created ON jobs (created_at);
        """;

    public Task<CardJob?> TryRateAsync(string correlationId, CardRating rating, RatingSource source = RatingSource.Button,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        return _database.WriteAsync((connection, transaction) =>
        {
            var command = PreparedCommands.For(connection, transaction, $"""
                UPDATE jobs SET rating = @rating, rating_source = @source
                WHERE correlation_id = @id AND status = @completed
                RETURNING {Columns}
                """);
            command.Parameters.AddWithValue("@rating", rating.ToWireName());
            command.Parameters.AddWithValue("@source", source.ToWireName());
            command.Parameters.AddWithValue("@id", correlationId);
            command.Parameters.AddWithValue("@completed", CardStatus.Completed.ToWireName());
            return ReadOne(command);
        }, cancellationToken);
    }

    public Task<EventStatistics> GetStatisticsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        var byStatus = SqliteDatabase.CountsBy(connection, "SELECT status, COUNT(*) FROM jobs GROUP BY status");
        var byRating = SqliteDatabase.CountsBy(connection, "SELECT rating, COUNT(*) FROM jobs WHERE rating IS NOT NULL GROUP BY rating");
        var byGesture = SqliteDatabase.CountsBy(connection, "SELECT rating, COUNT(*) FROM jobs WHERE rating IS NOT NULL AND rating_source = 'gesture' GROUP BY rating");
        var byAnimation = SqliteDatabase.CountsBy(connection,
            "SELECT animation_status, COUNT(*) FROM jobs WHERE animation_status IS NOT NULL GROUP BY animation_status");
        var completed = byStatus.GetValueOrDefault(CardStatus.Completed.ToWireName());
        return Task.FromResult(new EventStatistics
        {
            Queued = byStatus.GetValueOrDefault(CardStatus.Queued.ToWireName()),
            Processing = byStatus.GetValueOrDefault(CardStatus.Processing.ToWireName()),
            Completed = completed,
            Failed = byStatus.GetValueOrDefault(CardStatus.Failed.ToWireName()),
            RatedUp = byRating.GetValueOrDefault(CardRating.Up.ToWireName()),
            RatedDown = byRating.GetValueOrDefault(CardRating.Down.ToWireName()),
            RatedUpByGesture = byGesture.GetValueOrDefault(CardRating.Up.ToWireName()),
            RatedDownByGesture = byGesture.GetValueOrDefault(CardRating.Down.ToWireName()),
            AnimationsRequested = byAnimation.Values.Sum(),
            AnimationsCompleted = byAnimation.GetValueOrDefault(CardAnimationStatus.Completed.ToWireName()),
            AnimationsFailed = byAnimation.GetValueOrDefault(CardAnimationStatus.Failed.ToWireName()),
            FailuresByReason = FailuresByReason(connection),
            CompletedPerMinute = CompletedPerMinute(connection, since, until),
            TimeToCard = PercentilesOf(connection, "completed_at - created_at", "status = 'completed'", completed),
            QueueWait = PercentilesOf(connection, "started_at - created_at", "started_at IS NOT NULL",
                Scalar(connection, "SELECT COUNT(*) FROM jobs WHERE started_at IS NOT NULL")),
            TopWords = PromptWords.Top(RecentPrompts(connection)),
        });
    }

    public async IAsyncEnumerable<CardJob> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs ORDER BY created_at, rowid";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Map(reader);
    }

    public Task<IReadOnlyList<CardJob>> ListLatestCompletedAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs WHERE status = @completed ORDER BY completed_at DESC LIMIT @limit";
        command.Parameters.AddWithValue("@completed", CardStatus.Completed.ToWireName());
        command.Parameters.AddWithValue("@limit", limit);
        return Task.FromResult(ReadAll(command));
    }

    internal static void AddColumnsToOlderFiles(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var transaction = SqliteDatabase.BeginImmediate(connection);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT name FROM pragma_table_info('jobs')";
            using var reader = find.ExecuteReader();
            while (reader.Read())
                existing.Add(reader.GetString(0));
        }
        foreach (var (name, definition) in LaterColumns.Where(column => !existing.Contains(column.Name)))
            SqliteDatabase.Execute(connection, $"ALTER TABLE jobs ADD COLUMN {name} {definition};", transaction);
        // Every rating given before the source was kept came from the buttons.
        if (!existing.Contains("rating_source"))
            SqliteDatabase.Execute(connection, "UPDATE jobs SET rating_source = 'button' WHERE rating IS NOT NULL;", transaction);
        SqliteDatabase.Execute(connection, LaterIndexes, transaction);
        transaction.Commit();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static IReadOnlyList<KeyCount> FailuresByReason(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT error, COUNT(*) AS n FROM jobs WHERE status = @failed
            GROUP BY error ORDER BY n DESC, error LIMIT @max
            """;
        command.Parameters.AddWithValue("@failed", CardStatus.Failed.ToWireName());
        command.Parameters.AddWithValue("@max", MaxFailureReasons);
        using var reader = command.ExecuteReader();
        var reasons = new List<KeyCount>();
        while (reader.Read())
            reasons.Add(new KeyCount(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1)));
        return reasons;
    }

    private static IReadOnlyList<MinuteCount> CompletedPerMinute(SqliteConnection connection, DateTimeOffset since, DateTimeOffset until)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT completed_at / @tpm AS minute, COUNT(*) FROM jobs
            WHERE status = @completed AND completed_at >= @since AND completed_at < @until
            GROUP BY minute ORDER BY minute
            """;
        command.Parameters.AddWithValue("@tpm", TicksPerMinute);
        command.Parameters.AddWithValue("@completed", CardStatus.Completed.ToWireName());
        command.Parameters.AddWithValue("@since", since.UtcTicks);
        command.Parameters.AddWithValue("@until", until.UtcTicks - until.UtcTicks % TicksPerMinute + TicksPerMinute);
        using var reader = command.ExecuteReader();
        var minutes = new List<MinuteCount>();
        while (reader.Read())
            minutes.Add(new MinuteCount(FromTicks(reader.GetInt64(0) * TicksPerMinute), reader.GetInt64(1)));
        return minutes;
    }

    private static Percentiles PercentilesOf(SqliteConnection connection, string duration, string where, long count)
    {
        if (count == 0)
            return Percentiles.None;
        return new Percentiles(ValueAtRank(0.50), ValueAtRank(0.95));

        double ValueAtRank(double p)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {duration} AS d FROM jobs WHERE {where} ORDER BY d LIMIT 1 OFFSET @offset";
            command.Parameters.AddWithValue("@offset", NearestRank.Rank(p, count) - 1);
            return TimeSpan.FromTicks((long)command.ExecuteScalar()!).TotalSeconds;
        }
    }

    private static IEnumerable<string> RecentPrompts(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT prompt FROM jobs ORDER BY created_at DESC LIMIT @max";
        command.Parameters.AddWithValue("@max", PromptWords.RecentPrompts);
        using var reader = command.ExecuteReader();
        var prompts = new List<string>();
        while (reader.Read())
            prompts.Add(reader.GetString(0));
        return prompts;
    }

    private static CardRating ParseRating(string wireName) => CardRatingExtensions.TryParseWireName(wireName, out var rating)
        ? rating
        : throw new InvalidDataException($"Unknown card rating '{wireName}' in the job store.");
}
