using Microsoft.Data.Sqlite;
using SnapMagic.Cards;
using SnapMagic.Embedded;
using SnapMagic.Feedback;

namespace SnapMagic.Contract.Tests.Embedded;

/// <summary>A jobs.db from an earlier version opens with the columns and tables added since, its cards intact.</summary>
public sealed class EmbeddedSchemaUpgradeTests : IDisposable
{
    private readonly TemporaryDataDirectories _directories = new();

    public void Dispose() => _directories.Dispose();

    [Fact]
    public async Task A_file_from_before_ratings_sources_and_animations_gets_them_and_its_old_ratings_read_as_buttons()
    {
        var directory = _directories.New();
        var (rated, unrated) = (CorrelationIds.New(), CorrelationIds.New());
        WriteOldFile(Path.Combine(directory, SqliteCardDatabase.FileName), rated, unrated);

        var store = _directories.Own(new SqliteJobStore(directory));

        var old = await store.GetAsync(rated);
        Assert.Equal((CardStatus.Completed, CardRating.Up, RatingSource.Button), (old!.Status, old.Rating, old.RatingSource));
        Assert.Null(old.Animation);
        var never = await store.GetAsync(unrated);
        Assert.Equal((null, null), (never!.Rating, never.RatingSource));
        Assert.True((await store.TryRequestAnimationAsync(rated, DateTimeOffset.UnixEpoch.AddHours(1))) is { Created: true });
        Assert.Equal(RatingSource.Gesture, (await store.TryRateAsync(unrated, CardRating.Down, RatingSource.Gesture))!.RatingSource);
        var figures = await store.GetStatisticsAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1));
        Assert.Equal((1, 1, 0, 1, 1), (figures.RatedUp, figures.RatedDown, figures.RatedUpByGesture, figures.RatedDownByGesture, figures.AnimationsRequested));

        // The feedback table is made in the same file.
        var feedback = _directories.Own(new SqliteFeedbackStore(directory));
        Assert.Equal(0, (await feedback.GetStatisticsAsync(1)).Received);
        // Opening it again changes nothing.
        var before = await store.GetAsync(rated);
        using var again = new SqliteCardDatabase(directory);
        Assert.Equal(before, await store.GetAsync(rated));
    }

    /// <summary>The jobs table as the version with ratings (and no rating source, no animation) made it.</summary>
    private static void WriteOldFile(string path, string rated, string unrated)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE jobs (
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
                rating          TEXT    NULL
            );
            INSERT INTO jobs VALUES ('{rated}', 'session', 'A fox', 'completed', 0, 1, 2, 'cards/session/{rated}.png', NULL, NULL, 'up');
            INSERT INTO jobs VALUES ('{unrated}', 'session', 'A fox', 'completed', 0, 1, 2, 'cards/session/{unrated}.png', NULL, NULL, NULL);
            """;
        command.ExecuteNonQuery();
    }
}
