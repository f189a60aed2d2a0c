using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests;

/// <summary>The job store contract for issue 22 and 23's additions: a card's animation and where its rating came from.</summary>
public abstract partial class JobStoreContractTests
{
    private const string InvocationArn = "arn:aws:bedrock:us-west-2:123456789012:async-invoke/abc123";

    [Fact]
    public async Task A_rating_keeps_its_source_and_a_new_rating_replaces_both()
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, CardStatus.Completed);

        var byGesture = await store.TryRateAsync(card.CorrelationId, CardRating.Up, RatingSource.Gesture);
        Assert.Equal(card with { Rating = CardRating.Up, RatingSource = RatingSource.Gesture }, byGesture);
        Assert.Equal(byGesture, await store.GetAsync(card.CorrelationId));

        var byButton = await store.TryRateAsync(card.CorrelationId, CardRating.Down, RatingSource.Button);
        Assert.Equal(card with { Rating = CardRating.Down, RatingSource = RatingSource.Button }, byButton);
        Assert.Equal(byButton, await store.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task A_completed_card_gets_one_queued_animation_and_asking_again_returns_it_unchanged()
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, CardStatus.Completed);

        var first = await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(3));
        var second = await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(4));

        Assert.NotNull(first);
        Assert.True(first.Value.Created);
        var queued = new CardAnimation { Status = CardAnimationStatus.Queued, RequestedAt = T0.AddMinutes(3) };
        Assert.Equal(card with { Animation = queued }, first.Value.Job);
        Assert.NotNull(second);
        Assert.False(second.Value.Created);
        Assert.Equal(first.Value.Job, second.Value.Job);
        Assert.Equal(first.Value.Job, await store.GetAsync(card.CorrelationId));
    }

    [Theory]
    [InlineData(CardStatus.Queued)]
    [InlineData(CardStatus.Processing)]
    [InlineData(CardStatus.Failed)]
    public async Task Only_a_completed_card_can_be_animated(CardStatus status)
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, status);

        Assert.Null(await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(3)));
        Assert.Null(await store.TryRequestAnimationAsync(CorrelationIds.New(), T0.AddMinutes(3)));
        Assert.Equal(card, await store.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task Of_concurrent_animation_requests_exactly_one_creates_it_and_all_see_the_same()
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, CardStatus.Completed);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(3).AddSeconds(i)))));

        Assert.All(results, result => Assert.NotNull(result));
        Assert.Single(results, result => result!.Value.Created);
        var stored = await store.GetAsync(card.CorrelationId);
        Assert.All(results, result => Assert.Equal(stored, result!.Value.Job));
    }

    [Fact]
    public async Task An_animation_runs_queued_processing_completed_and_a_redelivered_start_keeps_the_first_handle()
    {
        var store = await CreateStoreAsync();
        var card = await RequestAnimationAsync(store);

        var started = await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(4));
        var restarted = await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn + "-second", T0.AddMinutes(5));
        var completed = await store.TryCompleteAnimationAsync(card.CorrelationId, "animations/s/c.mp4", "video/mp4", T0.AddMinutes(7));

        var processing = card.Animation! with { Status = CardAnimationStatus.Processing, StartedAt = T0.AddMinutes(4), InvocationId = InvocationArn };
        Assert.Equal(card with { Animation = processing }, started);
        Assert.Equal(started, restarted);
        Assert.Equal(card with
        {
            Animation = processing with
            {
                Status = CardAnimationStatus.Completed,
                FinishedAt = T0.AddMinutes(7),
                VideoKey = "animations/s/c.mp4",
                VideoContentType = "video/mp4",
            },
        }, completed);
        Assert.Equal(completed, await store.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task A_finished_animation_is_never_started_completed_or_failed_again()
    {
        var store = await CreateStoreAsync();
        var card = await RequestAnimationAsync(store);
        await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(4));
        var completed = await store.TryCompleteAnimationAsync(card.CorrelationId, "animations/s/c.webp", "image/webp", T0.AddMinutes(7));

        Assert.Null(await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(8)));
        Assert.Null(await store.TryCompleteAnimationAsync(card.CorrelationId, "animations/s/other.mp4", "video/mp4", T0.AddMinutes(8)));
        Assert.Null(await store.TryFailAnimationAsync(card.CorrelationId, "late failure", T0.AddMinutes(8)));
        var again = await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(9));

        Assert.Equal((completed!, false), again);
        Assert.Equal(completed, await store.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task A_queued_animation_cannot_complete_before_it_starts()
    {
        var store = await CreateStoreAsync();
        var card = await RequestAnimationAsync(store);

        Assert.Null(await store.TryCompleteAnimationAsync(card.CorrelationId, "animations/s/c.mp4", "video/mp4", T0.AddMinutes(4)));

        Assert.Equal(card, await store.GetAsync(card.CorrelationId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_queued_or_processing_animation_fails_with_its_reason_and_stays_failed(bool started)
    {
        var store = await CreateStoreAsync();
        var card = await RequestAnimationAsync(store);
        if (started)
            card = (await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(4)))!;

        var failed = await store.TryFailAnimationAsync(card.CorrelationId, "The video model refused this card.", T0.AddMinutes(6));

        Assert.Equal(card with
        {
            Animation = card.Animation! with { Status = CardAnimationStatus.Failed, FinishedAt = T0.AddMinutes(6), Error = "The video model refused this card." },
        }, failed);
        Assert.Null(await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(7)));
        Assert.Null(await store.TryFailAnimationAsync(card.CorrelationId, "again", T0.AddMinutes(7)));
        Assert.Equal((failed!, false), await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(8)));
        Assert.Equal(failed, await store.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task A_card_without_an_animation_cannot_start_finish_or_fail_one()
    {
        var store = await CreateStoreAsync();
        var card = await CreateInStatusAsync(store, CardStatus.Completed);
        var unknown = CorrelationIds.New();

        Assert.Null(await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(4)));
        Assert.Null(await store.TryCompleteAnimationAsync(card.CorrelationId, "animations/s/c.mp4", "video/mp4", T0.AddMinutes(4)));
        Assert.Null(await store.TryFailAnimationAsync(card.CorrelationId, "no animation", T0.AddMinutes(4)));
        Assert.Null(await store.TryStartAnimationAsync(unknown, InvocationArn, T0.AddMinutes(4)));
        Assert.Null(await store.TryCompleteAnimationAsync(unknown, "animations/s/c.mp4", "video/mp4", T0.AddMinutes(4)));
        Assert.Null(await store.TryFailAnimationAsync(unknown, "no card", T0.AddMinutes(4)));
        Assert.Equal(card, await store.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task Every_read_returns_the_rating_source_and_the_animation()
    {
        var store = await CreateStoreAsync();
        var card = await RequestAnimationAsync(store);
        await store.TryStartAnimationAsync(card.CorrelationId, InvocationArn, T0.AddMinutes(4));
        var expected = await store.TryRateAsync(card.CorrelationId, CardRating.Up, RatingSource.Gesture);
        Assert.NotNull(expected?.Animation);
        Assert.Equal(RatingSource.Gesture, expected.RatingSource);

        var all = new List<CardJob>();
        await foreach (var job in store.ListAllAsync())
            all.Add(job);

        Assert.Equal(expected, await store.GetAsync(card.CorrelationId));
        Assert.Equal(expected, Assert.Single(await store.ListBySessionAsync(card.SessionId, 10)));
        Assert.Equal(expected, Assert.Single(all));
        Assert.Equal(expected, Assert.Single(await store.ListLatestCompletedAsync(10)));
    }

    [Fact]
    public async Task The_figures_split_ratings_by_source_and_count_each_animation_once()
    {
        var store = await CreateStoreAsync();
        var cards = new List<CardJob>();
        for (var i = 0; i < 6; i++)
            cards.Add(await CreateInStatusAsync(store, CardStatus.Completed));
        // Ratings end as: up by gesture, down by gesture, up by button, down by button, and one never rated.
        await store.TryRateAsync(cards[0].CorrelationId, CardRating.Down, RatingSource.Button);
        await store.TryRateAsync(cards[0].CorrelationId, CardRating.Up, RatingSource.Gesture);
        await store.TryRateAsync(cards[1].CorrelationId, CardRating.Up, RatingSource.Gesture);
        await store.TryRateAsync(cards[1].CorrelationId, CardRating.Down, RatingSource.Gesture);
        await store.TryRateAsync(cards[2].CorrelationId, CardRating.Up, RatingSource.Gesture);
        await store.TryRateAsync(cards[2].CorrelationId, CardRating.Up, RatingSource.Button);
        await store.TryRateAsync(cards[3].CorrelationId, CardRating.Down, RatingSource.Gesture);
        await store.TryRateAsync(cards[3].CorrelationId, CardRating.Down);
        await store.TryRateAsync(cards[4].CorrelationId, CardRating.Up, RatingSource.Gesture);
        await store.TryRateAsync(cards[4].CorrelationId, CardRating.Up, RatingSource.Gesture);
        // Animations: one completed (asked twice, started twice), one failed while queued, one processing, one queued.
        foreach (var card in cards.Take(4))
        {
            await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(3));
            await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(3));
        }
        await store.TryStartAnimationAsync(cards[0].CorrelationId, InvocationArn, T0.AddMinutes(4));
        await store.TryStartAnimationAsync(cards[0].CorrelationId, InvocationArn, T0.AddMinutes(4));
        await store.TryCompleteAnimationAsync(cards[0].CorrelationId, "animations/s/0.mp4", "video/mp4", T0.AddMinutes(6));
        await store.TryCompleteAnimationAsync(cards[0].CorrelationId, "animations/s/0.mp4", "video/mp4", T0.AddMinutes(6));
        await store.TryFailAnimationAsync(cards[1].CorrelationId, "Refused.", T0.AddMinutes(5));
        await store.TryFailAnimationAsync(cards[1].CorrelationId, "Refused.", T0.AddMinutes(5));
        await store.TryStartAnimationAsync(cards[2].CorrelationId, InvocationArn, T0.AddMinutes(4));

        var figures = await store.GetStatisticsAsync(T0, T0.AddMinutes(59));

        Assert.Equal((3, 2), (figures.RatedUp, figures.RatedDown));
        Assert.Equal((2, 1), (figures.RatedUpByGesture, figures.RatedDownByGesture));
        Assert.Equal((4, 1, 1), (figures.AnimationsRequested, figures.AnimationsCompleted, figures.AnimationsFailed));
        Assert.Equal(6, figures.Completed);
    }

    /// <summary>A completed card with its animation queued at <c>T0 + 3 min</c>, as stored.</summary>
    private static async Task<CardJob> RequestAnimationAsync(IJobStore store)
    {
        var card = await CreateInStatusAsync(store, CardStatus.Completed);
        var requested = await store.TryRequestAnimationAsync(card.CorrelationId, T0.AddMinutes(3));
        Assert.True(requested is { Created: true });
        return requested.Value.Job;
    }
}
