using System.Diagnostics;
using Amazon.DynamoDBv2;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Cards;
using SnapMagic.Contract.Tests.Aws;
using SnapMagic.Contract.Tests.Embedded;
using SnapMagic.Embedded;
using SnapMagic.Storage;
using Xunit.Abstractions;

namespace SnapMagic.Contract.Tests;

/// <summary>
/// The organizer's summary stays fast for a large event: 10,000 cards (completed, failed, waiting, rated, animated) in
/// each backend, then the time of GetStatisticsAsync, median of five reads. Slow to set up, so it runs on its own:
/// <c>dotnet test tests/SnapMagic.Contract.Tests --filter Category=Scale</c>.
/// </summary>
[Trait("Category", "Scale")]
[Collection(LocalAwsCollection.Name)]
public sealed class EventStatisticsAtScaleTests(LocalAwsFixture aws, ITestOutputHelper output) : IDisposable
{
    private const int Cards = 10_000;
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private readonly TemporaryDataDirectories _directories = new();

    [Fact]
    public async Task The_summary_of_10000_cards_on_SQLite_is_read_within_a_second()
    {
        var store = _directories.Own(new SqliteJobStore(_directories.New()));
        await MeasureAsync("SQLite", store);
    }

    [Fact]
    public async Task The_summary_of_10000_cards_on_DynamoDB_is_read_within_a_second()
    {
        using var dynamoDb = aws.NewOptions().DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>();
        var table = LocalAwsFixture.UniqueName("scale");
        await DynamoDbTableSetup.EnsureTableAsync(dynamoDb, table, TimeSpan.FromSeconds(30));
        await MeasureAsync("DynamoDB (dynalite)", new DynamoDbJobStore(dynamoDb, table, TimeSpan.FromDays(30)));
    }

    private async Task MeasureAsync(string backend, IJobStore store)
    {
        var seeding = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Cards, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await SeedAsync(store, i));
        seeding.Stop();

        var times = new List<TimeSpan>();
        Statistics.EventStatistics? figures = null;
        for (var run = 0; run < 5; run++)
        {
            var read = Stopwatch.StartNew();
            figures = await store.GetStatisticsAsync(T0, T0.AddMinutes(59));
            times.Add(read.Elapsed);
        }
        var median = times.Order().ElementAt(times.Count / 2);
        output.WriteLine($"{backend}: {Cards} cards seeded in {seeding.Elapsed.TotalSeconds:0.0} s; summary read in " +
            $"{median.TotalMilliseconds:0.0} ms (median of 5: {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:0.0}"))} ms)");

        Assert.Equal(Cards, figures!.Accepted);
        Assert.Equal(Cards * 8 / 10, figures.Completed);
        Assert.Equal(Cards / 10, figures.Failed);
        Assert.Equal(Cards / 10, figures.Queued);
        Assert.Equal(Cards * 8 / 10, figures.CompletedPerMinute.Sum(minute => minute.Count));
        var rated = Enumerable.Range(0, Cards).Where(i => i % 10 < 8 && i % 2 == 0).ToList();
        Assert.Equal(rated.Count(i => i % 4 == 0 && ByGesture(i)), figures.RatedUpByGesture);
        Assert.Equal(rated.Count(i => i % 4 != 0 && ByGesture(i)), figures.RatedDownByGesture);
        var animated = Enumerable.Range(0, Cards).Where(i => i % 10 == 0).ToList();
        Assert.Equal((animated.Count, animated.Count(i => i % 30 == 0), animated.Count(i => i % 30 == 10)),
            (figures.AnimationsRequested, figures.AnimationsCompleted, figures.AnimationsFailed));
        Assert.True(median < Budget, $"{backend}: the summary took {median.TotalMilliseconds:0} ms with {Cards} cards.");
    }

    /// <summary>Card i: 8 in 10 completed (half of them rated), 1 failed, 1 still queued; made over the hour from T0.</summary>
    private static async Task SeedAsync(IJobStore store, int i)
    {
        var created = T0.AddMilliseconds(i * 300L);
        var (job, _) = await store.CreateAsync(new CardJob
        {
            CorrelationId = CorrelationIds.New(),
            SessionId = $"session-{i % 500}",
            Prompt = $"A {Words[i % Words.Length]} with a {Words[(i / 7) % Words.Length]} at booth {i % 40}",
            Status = CardStatus.Queued,
            CreatedAt = created,
        });
        switch (i % 10)
        {
            case 9:
                return;
            case 8:
                await store.TryFailAsync(job.CorrelationId, i % 20 == 8 ? "Refused." : "Timed out.", created.AddSeconds(3));
                return;
            default:
                await store.TryStartAsync(job.CorrelationId, created.AddSeconds(1 + i % 5));
                await store.TryCompleteAsync(job.CorrelationId, "cards/x/y.png", created.AddSeconds(6 + i % 11));
                if (i % 2 == 0)
                    await store.TryRateAsync(job.CorrelationId, i % 4 == 0 ? CardRating.Up : CardRating.Down, ByGesture(i) ? RatingSource.Gesture : RatingSource.Button);
                if (i % 10 == 0)
                    await AnimateAsync(store, job.CorrelationId, i, created.AddMinutes(1));
                return;
        }
    }

    private static bool ByGesture(int i) => i % 6 == 0;

    /// <summary>Card i (one in ten, all completed) asks for an animation; a third of them complete it, a third fail.</summary>
    private static async Task AnimateAsync(IJobStore store, string correlationId, int i, DateTimeOffset at)
    {
        await store.TryRequestAnimationAsync(correlationId, at);
        if (i % 30 == 20)
            return;
        await store.TryStartAnimationAsync(correlationId, $"invocation-{i}", at.AddSeconds(1));
        if (i % 30 == 0)
            await store.TryCompleteAnimationAsync(correlationId, $"animations/x/{i}.mp4", "video/mp4", at.AddSeconds(90));
        else
            await store.TryFailAnimationAsync(correlationId, "Refused.", at.AddSeconds(30));
    }

    private static readonly string[] Words = ["dragon", "fox", "robot", "lighthouse", "wizard", "cat", "castle", "rocket", "owl", "knight"];

    public void Dispose() => _directories.Dispose();
}
