using SnapMagic.Cards;
using SnapMagic.Feedback;

namespace SnapMagic.Contract.Tests;

/// <summary>
/// What every <see cref="IFeedbackStore"/> must do. A backend runs it by subclassing and building a fresh store in
/// <see cref="CreateStoreAsync"/>. Timestamps are whole milliseconds so every backend can keep them exactly.
/// </summary>
public abstract class FeedbackStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Builds a feedback store that nothing else writes to.</summary>
    protected abstract Task<IFeedbackStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_created_item_reads_back_as_it_was_written()
    {
        var store = await CreateStoreAsync();
        var spoken = NewSpoken(T0);
        var typed = NewTyped(T0.AddSeconds(1), "Loved the holographic cards!");

        await store.CreateAsync(spoken);
        await store.CreateAsync(typed);

        Assert.Equal(spoken, await store.GetAsync(spoken.FeedbackId));
        Assert.Equal(typed, await store.GetAsync(typed.FeedbackId));
        Assert.Null(await store.GetAsync(CorrelationIds.New()));
    }

    [Fact]
    public async Task A_spoken_item_is_started_again_on_redelivery_then_completed_with_its_transcript_once()
    {
        var store = await CreateStoreAsync();
        var item = NewSpoken(T0);
        await store.CreateAsync(item);

        var started = await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(2));
        var restarted = await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(3));
        var completed = await store.TryCompleteAsync(item.FeedbackId, "I loved this booth.", transcribed: true, Sentiment.Positive, T0.AddSeconds(9));

        Assert.Equal(item with { Status = FeedbackStatus.Processing, StartedAt = T0.AddSeconds(2) }, started);
        Assert.Equal(item with { Status = FeedbackStatus.Processing, StartedAt = T0.AddSeconds(3) }, restarted);
        var expected = item with
        {
            Status = FeedbackStatus.Completed,
            StartedAt = T0.AddSeconds(3),
            FinishedAt = T0.AddSeconds(9),
            Text = "I loved this booth.",
            Transcribed = true,
            Sentiment = Sentiment.Positive,
        };
        Assert.Equal(expected, completed);
        Assert.Equal(expected, await store.GetAsync(item.FeedbackId));

        // A redelivered job finds it finished: nothing moves it, it is never scored twice.
        Assert.Null(await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(10)));
        Assert.Null(await store.TryCompleteAsync(item.FeedbackId, "Something else.", true, Sentiment.Negative, T0.AddSeconds(10)));
        Assert.Null(await store.TryFailAsync(item.FeedbackId, "late failure", T0.AddSeconds(10)));
        Assert.Equal(expected, await store.GetAsync(item.FeedbackId));
    }

    [Fact]
    public async Task A_typed_item_completed_without_text_keeps_its_own_text()
    {
        var store = await CreateStoreAsync();
        var item = NewTyped(T0, "Too long a queue.");
        await store.CreateAsync(item);
        await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(1));

        var completed = await store.TryCompleteAsync(item.FeedbackId, null, transcribed: false, Sentiment.Negative, T0.AddSeconds(2));

        Assert.Equal("Too long a queue.", completed?.Text);
        Assert.False(completed!.Transcribed);
        Assert.Equal(Sentiment.Negative, completed.Sentiment);
    }

    [Fact]
    public async Task A_queued_item_cannot_complete_before_it_starts()
    {
        var store = await CreateStoreAsync();
        var item = NewSpoken(T0);
        await store.CreateAsync(item);

        Assert.Null(await store.TryCompleteAsync(item.FeedbackId, "too early", true, Sentiment.Neutral, T0.AddSeconds(1)));

        Assert.Equal(item, await store.GetAsync(item.FeedbackId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_queued_or_processing_item_fails_with_its_reason_and_stays_failed(bool started)
    {
        var store = await CreateStoreAsync();
        var item = NewSpoken(T0);
        await store.CreateAsync(item);
        if (started)
            item = (await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(1)))!;

        var failed = await store.TryFailAsync(item.FeedbackId, "The recording could not be read.", T0.AddSeconds(4));

        Assert.Equal(item with { Status = FeedbackStatus.Failed, FinishedAt = T0.AddSeconds(4), Error = "The recording could not be read." }, failed);
        Assert.Null(await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(5)));
        Assert.Null(await store.TryCompleteAsync(item.FeedbackId, "late", true, Sentiment.Neutral, T0.AddSeconds(5)));
        Assert.Null(await store.TryFailAsync(item.FeedbackId, "again", T0.AddSeconds(5)));
        Assert.Equal(failed, await store.GetAsync(item.FeedbackId));
    }

    [Fact]
    public async Task An_unknown_id_cannot_move()
    {
        var store = await CreateStoreAsync();
        var unknown = CorrelationIds.New();

        Assert.Null(await store.TryStartAsync(unknown, T0));
        Assert.Null(await store.TryCompleteAsync(unknown, "text", true, Sentiment.Positive, T0));
        Assert.Null(await store.TryFailAsync(unknown, "no such item", T0));
        Assert.Null(await store.GetAsync(unknown));
    }

    [Fact]
    public async Task Of_concurrent_completions_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var item = NewSpoken(T0);
        await store.CreateAsync(item);
        await store.TryStartAsync(item.FeedbackId, T0.AddSeconds(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.TryCompleteAsync(item.FeedbackId, $"transcript {i}", true, Sentiment.Neutral, T0.AddSeconds(2 + i)))));

        var winner = Assert.Single(results, result => result is not null)!;
        Assert.Equal(winner, await store.GetAsync(item.FeedbackId));
    }

    [Fact]
    public async Task An_empty_event_has_zero_feedback_figures()
    {
        var store = await CreateStoreAsync();

        var figures = await store.GetStatisticsAsync(latest: 5);

        Assert.Equal((0, 0, 0), (figures.Received, figures.Completed, figures.Failed));
        Assert.Equal((0, 0, 0), (figures.Spoken, figures.Typed, figures.NotTranscribed));
        Assert.Equal((0, 0, 0), (figures.Positive, figures.Neutral, figures.Negative));
        Assert.Empty(figures.Latest);
    }

    [Fact]
    public async Task The_figures_count_every_status_kind_and_sentiment_once_with_the_latest_texts_newest_first()
    {
        var store = await CreateStoreAsync();
        // Completed: two spoken and transcribed (positive, negative), one spoken kept without a transcript, two typed
        // (positive, neutral); one spoken failed, one typed queued, one spoken processing.
        var positiveSpoken = await CompleteAsync(store, NewSpoken(T0), "I loved it.", transcribed: true, Sentiment.Positive, finishedAfter: 10);
        var negativeSpoken = await CompleteAsync(store, NewSpoken(T0.AddSeconds(1)), "Boring.", transcribed: true, Sentiment.Negative, finishedAfter: 30);
        await CompleteAsync(store, NewSpoken(T0.AddSeconds(2)), null, transcribed: false, null, finishedAfter: 40);
        var positiveTyped = await CompleteAsync(store, NewTyped(T0.AddSeconds(3), "Great fun!"), null, false, Sentiment.Positive, finishedAfter: 20);
        var neutralTyped = await CompleteAsync(store, NewTyped(T0.AddSeconds(4), "It was fine."), null, false, Sentiment.Neutral, finishedAfter: 50);
        var failed = NewSpoken(T0.AddSeconds(5));
        await store.CreateAsync(failed);
        await store.TryFailAsync(failed.FeedbackId, "Unreadable.", T0.AddSeconds(60));
        await store.TryFailAsync(failed.FeedbackId, "Unreadable again.", T0.AddSeconds(61)); // not allowed: counts nothing
        await store.CreateAsync(NewTyped(T0.AddSeconds(6), "Still waiting."));
        var processing = NewSpoken(T0.AddSeconds(7));
        await store.CreateAsync(processing);
        await store.TryStartAsync(processing.FeedbackId, T0.AddSeconds(8));
        await store.TryStartAsync(processing.FeedbackId, T0.AddSeconds(9));

        var figures = await store.GetStatisticsAsync(latest: 3);

        Assert.Equal((8, 5, 1), (figures.Received, figures.Completed, figures.Failed));
        Assert.Equal((5, 3), (figures.Spoken, figures.Typed));
        Assert.Equal(1, figures.NotTranscribed);
        Assert.Equal((2, 1, 1), (figures.Positive, figures.Neutral, figures.Negative));
        Assert.Equal([neutralTyped, negativeSpoken, positiveTyped], figures.Latest);
        Assert.Equal(
            [neutralTyped, negativeSpoken, positiveTyped, positiveSpoken],
            (await store.GetStatisticsAsync(latest: 10)).Latest);
        Assert.Empty((await store.GetStatisticsAsync(latest: 0)).Latest);
    }

    [Fact]
    public async Task The_event_lists_every_item_oldest_first()
    {
        var store = await CreateStoreAsync();
        var items = new List<FeedbackItem>();
        foreach (var seconds in new[] { 3, 0, 2, 1 })
        {
            var item = seconds % 2 == 0 ? NewSpoken(T0.AddSeconds(seconds)) : NewTyped(T0.AddSeconds(seconds), $"typed {seconds}");
            items.Add(item);
            await store.CreateAsync(item);
        }
        await store.TryStartAsync(items[0].FeedbackId, T0.AddSeconds(5));

        var all = new List<FeedbackItem>();
        await foreach (var item in store.ListAllAsync())
            all.Add(item);

        Assert.Equal(items.OrderBy(item => item.CreatedAt).Select(item => item.FeedbackId), all.Select(item => item.FeedbackId));
        Assert.Equal(FeedbackStatus.Processing, all.Single(item => item.FeedbackId == items[0].FeedbackId).Status);
    }

    private static async Task<FeedbackItem> CompleteAsync(IFeedbackStore store, FeedbackItem item, string? text, bool transcribed,
        Sentiment? sentiment, int finishedAfter)
    {
        await store.CreateAsync(item);
        await store.TryStartAsync(item.FeedbackId, item.CreatedAt.AddSeconds(1));
        return (await store.TryCompleteAsync(item.FeedbackId, text, transcribed, sentiment, T0.AddSeconds(finishedAfter)))!;
    }

    protected static FeedbackItem NewSpoken(DateTimeOffset createdAt)
    {
        var session = CorrelationIds.New();
        var id = CorrelationIds.New();
        return new FeedbackItem
        {
            FeedbackId = id,
            SessionId = session,
            Kind = FeedbackKind.Spoken,
            Status = FeedbackStatus.Queued,
            CreatedAt = createdAt,
            RecordingKey = FeedbackItem.RecordingKeyFor(session, id, "audio/webm"),
            RecordingContentType = "audio/webm",
        };
    }

    protected static FeedbackItem NewTyped(DateTimeOffset createdAt, string text) => new()
    {
        FeedbackId = CorrelationIds.New(),
        SessionId = CorrelationIds.New(),
        Kind = FeedbackKind.Typed,
        Status = FeedbackStatus.Queued,
        CreatedAt = createdAt,
        Text = text,
    };
}
