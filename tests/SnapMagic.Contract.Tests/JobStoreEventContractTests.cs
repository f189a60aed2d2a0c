using SnapMagic.Cards;
using SnapMagic.Statistics;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests;

/// <summary>The organizer's side of the job store contract: ratings, event figures and event-wide listings.</summary>
public abstract partial class JobStoreContractTests
{
    /// <summary>Percentiles may come from a histogram (DynamoDB counters): within 5 % of the exact value.</summary>
    private const double PercentileTolerance = 0.05;

    [Fact]
    public async Task A_completed_card_takes_a_rating_that_can_change()
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, CardStatus.Completed);

        var up = await store.TryRateAsync(card.CorrelationId, CardRating.Up);
        var down = await store.TryRateAsync(card.CorrelationId, CardRating.Down);

        Assert.Equal(card with { Rating = CardRating.Up, RatingSource = RatingSource.Button }, up);
        Assert.Equal(card with { Rating = CardRating.Down, RatingSource = RatingSource.Button }, down);
        Assert.Equal(CardRating.Down, (await store.GetAsync(card.CorrelationId))!.Rating);
    }

    [Theory]
    [InlineData(CardStatus.Queued)]
    [InlineData(CardStatus.Processing)]
    [InlineData(CardStatus.Failed)]
    public async Task Only_completed_cards_can_be_rated(CardStatus status)
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, status);

        Assert.Null(await store.TryRateAsync(card.CorrelationId, CardRating.Up));
        Assert.Null(await store.TryRateAsync(CorrelationIds.New(), CardRating.Up));
        Assert.Null((await store.GetAsync(card.CorrelationId))!.Rating);
    }

    [Fact]
    public async Task An_empty_event_has_zero_figures()
    {
        var store = await CreateStoreAsync();

        var figures = await store.GetStatisticsAsync(T0, T0.AddMinutes(59));

        Assert.Equal(0, figures.Accepted);
        Assert.Equal(Percentiles.None, figures.TimeToCard);
        Assert.Equal(Percentiles.None, figures.QueueWait);
        Assert.Empty(figures.CompletedPerMinute);
        Assert.Empty(figures.FailuresByReason);
        Assert.Empty(figures.TopWords);
    }

    [Fact]
    public async Task The_figures_count_every_status_rating_and_failure_once()
    {
        var store = await CreateStoreAsync();
        // Completed: 10, 20, 30 and 40 s after acceptance, started 2, 4, 6 and 8 s after, in minutes 0, 0, 1 and 3.
        var completed = new List<CardJob>();
        for (var i = 1; i <= 4; i++)
        {
            var created = T0.AddMinutes(i == 4 ? 3 : i == 3 ? 1 : 0);
            var (job, _) = await store.CreateAsync(NewJob(NewSession(), created) with { Prompt = $"A dragon number {i} with a lantern" });
            await store.TryStartAsync(job.CorrelationId, created.AddSeconds(2 * i));
            // A redelivered message starts the card again: no second count.
            await store.TryStartAsync(job.CorrelationId, created.AddSeconds(2 * i));
            completed.Add((await store.TryCompleteAsync(job.CorrelationId, "cards/x/y.png", created.AddSeconds(10 * i)))!);
        }
        await store.TryRateAsync(completed[0].CorrelationId, CardRating.Up);
        await store.TryRateAsync(completed[1].CorrelationId, CardRating.Down);
        await store.TryRateAsync(completed[1].CorrelationId, CardRating.Up);
        await store.TryRateAsync(completed[2].CorrelationId, CardRating.Down);
        await store.TryRateAsync(completed[2].CorrelationId, CardRating.Down);
        var refused = (await store.CreateAsync(NewJob(NewSession(), T0) with { Prompt = "A fox in the rain" })).Job;
        await store.TryFailAsync(refused.CorrelationId, "Refused.", T0.AddSeconds(5));
        await store.TryFailAsync(refused.CorrelationId, "Refused again.", T0.AddSeconds(6)); // not allowed: counts nothing
        var timedOut = (await store.CreateAsync(NewJob(NewSession(), T0) with { Prompt = "A fox on a hill" })).Job;
        await store.TryStartAsync(timedOut.CorrelationId, T0.AddSeconds(2));
        await store.TryFailAsync(timedOut.CorrelationId, "Timed out.", T0.AddSeconds(5));
        var processing = (await store.CreateAsync(NewJob(NewSession(), T0) with { Prompt = "A fox at the booth" })).Job;
        await store.TryStartAsync(processing.CorrelationId, T0.AddSeconds(2));
        await store.CreateAsync(NewJob(NewSession(), T0) with { Prompt = "A lantern on a boat" });

        var figures = await store.GetStatisticsAsync(T0, T0.AddMinutes(59));

        Assert.Equal((1, 1, 4, 2), (figures.Queued, figures.Processing, figures.Completed, figures.Failed));
        Assert.Equal(8, figures.Accepted);
        Assert.Equal((2, 1), (figures.RatedUp, figures.RatedDown));
        Assert.Equal([new KeyCount("Refused.", 1), new KeyCount("Timed out.", 1)], figures.FailuresByReason.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(
            [new MinuteCount(T0, 2), new MinuteCount(T0.AddMinutes(1), 1), new MinuteCount(T0.AddMinutes(3), 1)],
            figures.CompletedPerMinute);
        // Nearest rank over 10, 20, 30, 40 s: p50 is 20 s, p95 40 s. Queue waits: 2, 4, 6, 8 and two of 2 s.
        AssertNear(20, figures.TimeToCard.P50);
        AssertNear(40, figures.TimeToCard.P95);
        AssertNear(2, figures.QueueWait.P50);
        AssertNear(8, figures.QueueWait.P95);
        Assert.Equal([new KeyCount("lantern", 5), new KeyCount("dragon", 4)], figures.TopWords.Take(2));
        Assert.Equal(new KeyCount("fox", 3), figures.TopWords.Single(w => w.Key == "fox"));
        Assert.DoesNotContain(figures.TopWords, word => word.Key is "a" or "with" or "in" or "the" or "on" or "at");

        var window = await store.GetStatisticsAsync(T0.AddMinutes(1), T0.AddMinutes(2));
        Assert.Equal([new MinuteCount(T0.AddMinutes(1), 1)], window.CompletedPerMinute);
    }

    [Fact]
    public async Task The_event_lists_every_card_oldest_first_and_the_latest_completed_newest_first()
    {
        var store = await CreateStoreAsync();
        var jobs = new List<CardJob>();
        for (var i = 0; i < 5; i++)
            jobs.Add((await store.CreateAsync(NewJob(NewSession(), T0.AddSeconds(i)))).Job);
        foreach (var i in new[] { 0, 2, 3 })
        {
            await store.TryStartAsync(jobs[i].CorrelationId, T0.AddSeconds(10));
            await store.TryCompleteAsync(jobs[i].CorrelationId, "cards/x/y.png", T0.AddSeconds(20 + i));
        }

        var all = new List<CardJob>();
        await foreach (var job in store.ListAllAsync())
            all.Add(job);
        var latest = await store.ListLatestCompletedAsync(2);

        Assert.Equal(jobs.Select(job => job.CorrelationId), all.Select(job => job.CorrelationId));
        Assert.Equal([jobs[3].CorrelationId, jobs[2].CorrelationId], latest.Select(job => job.CorrelationId));
        Assert.All(latest, job => Assert.Equal(CardStatus.Completed, job.Status));
    }

    private static void AssertNear(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected * (1 - PercentileTolerance), expected * (1 + PercentileTolerance));
    }
}
