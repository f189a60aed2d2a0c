using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Feedback;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Feedback;
using SnapMagic.Imaging.Feedback.Vader;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Feedback;
using SnapMagic.Worker.Jobs;

namespace SnapMagic.UnitTests.Worker.Feedback;

public sealed class FeedbackJobHandlerTests : IDisposable
{
    private static readonly byte[] Recording = [0x1A, 0x45, 0xDF, 0xA3, 1, 2, 3, 4];

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly InMemoryFeedbackStore _store = new();
    private readonly InMemoryBlobStore _blobs = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly ScriptedSentimentModel _sentiment = new();

    private FeedbackJobHandler Handler(ISpeechToText speech, ISentimentModel? sentiment = null, Action<ImageModelOptions>? configure = null)
    {
        var options = new ImageModelOptions { MaxRetries = 1, RetryBaseDelayMs = 0, AttemptTimeoutSeconds = 5, BreakerMinimumThroughput = 100 };
        configure?.Invoke(options);
        var models = new ResilientFeedbackModels(speech, sentiment ?? _sentiment, Options.Create(options),
            new WorkerMetrics(_services.GetRequiredService<IMeterFactory>(), () => 0), TimeProvider.System, NullLogger<ResilientFeedbackModels>.Instance);
        return new FeedbackJobHandler(_store, _blobs, models, _notifier, TimeProvider.System, NullLogger<FeedbackJobHandler>.Instance);
    }

    private async Task<FeedbackItem> TypedAsync(string text)
    {
        var item = new FeedbackItem
        {
            FeedbackId = CorrelationIds.New(), SessionId = "session-1", Kind = FeedbackKind.Typed, Status = FeedbackStatus.Queued,
            CreatedAt = DateTimeOffset.UtcNow, Text = text,
        };
        await _store.CreateAsync(item);
        return item;
    }

    private async Task<FeedbackItem> SpokenAsync(bool storeRecording = true, string contentType = FeedbackLimits.WebmContentType)
    {
        var id = CorrelationIds.New();
        var item = new FeedbackItem
        {
            FeedbackId = id, SessionId = "session-1", Kind = FeedbackKind.Spoken, Status = FeedbackStatus.Queued, CreatedAt = DateTimeOffset.UtcNow,
            RecordingKey = FeedbackItem.RecordingKeyFor("session-1", id, contentType), RecordingContentType = contentType,
        };
        await _store.CreateAsync(item);
        if (storeRecording)
            await _blobs.SaveAsync(item.RecordingKey!, Recording);
        return item;
    }

    private static JobAttempt Try(FeedbackItem item, int number = 1, bool last = false) => new(item.FeedbackId, number, last);

    private async Task<FeedbackItem> StoredAsync(FeedbackItem item) => (await _store.GetAsync(item.FeedbackId))!;

    [Fact]
    public async Task A_typed_answer_is_scored_and_completed_with_its_text_and_pushed()
    {
        _sentiment.Answer = Sentiment.Positive;
        var item = await TypedAsync("Great app, I love it.");

        var result = await Handler(new ScriptedSpeechToText()).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Completed, result);
        var stored = await StoredAsync(item);
        Assert.Equal(FeedbackStatus.Completed, stored.Status);
        Assert.Equal("Great app, I love it.", stored.Text);
        Assert.False(stored.Transcribed);
        Assert.Equal(Sentiment.Positive, stored.Sentiment);
        Assert.Equal(["Great app, I love it."], _sentiment.Texts);
        Assert.Equal([(item.FeedbackId, FeedbackStatus.Processing), (item.FeedbackId, FeedbackStatus.Completed)], _notifier.FeedbackNotices);
        Assert.Empty(_notifier.Notices);
    }

    [Theory]
    [InlineData("Great app, I love it.", Sentiment.Positive)]
    [InlineData("It was boring and the queue was too slow.", Sentiment.Negative)]
    [InlineData("The booth is in hall B.", Sentiment.Neutral)]
    public async Task The_local_sentiment_step_scores_a_typed_answer_with_VADER(string text, Sentiment expected)
    {
        var item = await TypedAsync(text);

        await Handler(new NotTranscribedHere(), new VaderSentimentModel(NullLogger<VaderSentimentModel>.Instance)).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(expected, (await StoredAsync(item)).Sentiment);
    }

    [Fact]
    public async Task A_recording_where_nothing_transcribes_is_completed_not_transcribed_without_a_sentiment_or_a_made_up_text()
    {
        var item = await SpokenAsync();

        var result = await Handler(new NotTranscribedHere()).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Completed, result);
        var stored = await StoredAsync(item);
        Assert.Equal(FeedbackStatus.Completed, stored.Status);
        Assert.False(stored.Transcribed);
        Assert.Null(stored.Text);
        Assert.Null(stored.Sentiment);
        Assert.Empty(_sentiment.Texts);
        // The recording stays where it is, unread.
        Assert.Equal(0, _blobs.Reads);
        Assert.Equal(FeedbackStatus.Completed, _notifier.FeedbackNotices[^1].Status);
    }

    [Theory]
    [InlineData(FeedbackLimits.WebmContentType)]
    [InlineData(FeedbackLimits.WavContentType)]
    public async Task A_recording_is_read_from_the_blob_store_transcribed_then_scored(string contentType)
    {
        var speech = new ScriptedSpeechToText().Then(ScriptedSpeechToText.Hears("The cards were amazing."));
        _sentiment.Answer = Sentiment.Positive;
        var item = await SpokenAsync(contentType: contentType);

        var result = await Handler(speech).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Completed, result);
        var heard = Assert.Single(speech.Calls);
        Assert.Equal(Recording, heard.Audio.ToArray());
        Assert.Equal(contentType, heard.MediaType);
        Assert.Equal(item.FeedbackId, heard.FeedbackId);
        var stored = await StoredAsync(item);
        Assert.True(stored.Transcribed);
        Assert.Equal("The cards were amazing.", stored.Text);
        Assert.Equal(Sentiment.Positive, stored.Sentiment);
        Assert.Equal(["The cards were amazing."], _sentiment.Texts);
    }

    [Fact]
    public async Task A_transient_model_error_is_retried_by_the_pipeline_then_handed_back_for_a_later_try()
    {
        var busy = new FeedbackModelException(true, FeedbackModelException.SpeechBusyMessage, "429 ThrottlingException");
        var speech = new ScriptedSpeechToText().Then(ScriptedSpeechToText.Throws(busy));
        var item = await SpokenAsync();

        var result = await Handler(speech).HandleAsync(Try(item, 1), CancellationToken.None);

        Assert.Equal(JobResolution.RetryLater, result.Resolution);
        // One call and the pipeline's one retry (MaxRetries = 1).
        Assert.Equal(2, speech.Calls.Count);
        Assert.Equal(FeedbackStatus.Processing, (await StoredAsync(item)).Status);
    }

    [Fact]
    public async Task A_transient_model_error_on_the_last_allowed_try_fails_the_feedback_with_a_readable_reason()
    {
        var speech = new ScriptedSpeechToText().Then(ScriptedSpeechToText.Throws(
            new FeedbackModelException(true, FeedbackModelException.SpeechBusyMessage, "503 ServiceUnavailableException")));
        var item = await SpokenAsync();

        var result = await Handler(speech).HandleAsync(Try(item, 3, last: true), CancellationToken.None);

        Assert.Equal(JobResult.Failed, result);
        var stored = await StoredAsync(item);
        Assert.Equal(FeedbackStatus.Failed, stored.Status);
        Assert.Equal(FeedbackModelException.SpeechBusyMessage, stored.Error);
        Assert.Equal(FeedbackStatus.Failed, _notifier.FeedbackNotices[^1].Status);
    }

    [Fact]
    public async Task A_refusal_fails_the_feedback_at_once_with_the_models_reason()
    {
        var speech = new ScriptedSpeechToText().Then(ScriptedSpeechToText.Throws(
            new FeedbackModelException(false, FeedbackModelException.SpeechRefusedMessage, "400 ValidationException")));
        var item = await SpokenAsync();

        var result = await Handler(speech).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Failed, result);
        Assert.Single(speech.Calls);
        Assert.Equal(FeedbackModelException.SpeechRefusedMessage, (await StoredAsync(item)).Error);
    }

    [Fact]
    public async Task A_sentiment_refusal_of_a_typed_answer_fails_it_with_the_sentiment_models_reason()
    {
        _sentiment.Failure = new FeedbackModelException(false, FeedbackModelException.SentimentRefusedMessage, "content_filtered");
        var item = await TypedAsync("Some words a filter stops.");

        var result = await Handler(new NotTranscribedHere()).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Failed, result);
        Assert.Equal(FeedbackModelException.SentimentRefusedMessage, (await StoredAsync(item)).Error);
    }

    [Fact]
    public async Task A_redelivered_message_after_completion_does_nothing_but_announce_the_result_again()
    {
        var speech = new ScriptedSpeechToText().Then(ScriptedSpeechToText.Hears("It was fine."));
        var item = await SpokenAsync();
        var handler = Handler(speech);
        await handler.HandleAsync(Try(item), CancellationToken.None);
        var completed = await StoredAsync(item);

        var result = await handler.HandleAsync(Try(item, 2), CancellationToken.None);

        Assert.Equal(JobResult.AlreadyFinished, result);
        Assert.Single(speech.Calls);
        Assert.Single(_sentiment.Texts);
        Assert.Equal(completed, await StoredAsync(item));
        Assert.Equal(
            [FeedbackStatus.Processing, FeedbackStatus.Completed, FeedbackStatus.Completed],
            _notifier.FeedbackNotices.Select(notice => notice.Status));
    }

    [Fact]
    public async Task A_missing_recording_fails_the_feedback_without_calling_the_model()
    {
        var speech = new ScriptedSpeechToText();
        var item = await SpokenAsync(storeRecording: false);

        var result = await Handler(speech).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Failed, result);
        Assert.Empty(speech.Calls);
        Assert.Equal(FeedbackJobHandler.RecordingMissingMessage, (await StoredAsync(item)).Error);
    }

    [Fact]
    public async Task A_recording_in_which_the_model_hears_no_words_fails_with_a_readable_reason_and_no_sentiment()
    {
        var item = await SpokenAsync();

        var result = await Handler(new ScriptedSpeechToText().Then(ScriptedSpeechToText.Hears("  "))).HandleAsync(Try(item), CancellationToken.None);

        Assert.Equal(JobResult.Failed, result);
        Assert.Equal(FeedbackJobHandler.NoWordsMessage, (await StoredAsync(item)).Error);
        Assert.Empty(_sentiment.Texts);
    }

    [Fact]
    public async Task An_item_the_store_does_not_have_is_tried_again_then_set_aside_on_the_last_try()
    {
        var missing = new FeedbackItem
        {
            FeedbackId = CorrelationIds.New(), SessionId = "s", Kind = FeedbackKind.Typed, Status = FeedbackStatus.Queued, CreatedAt = DateTimeOffset.UtcNow,
        };
        var handler = Handler(new NotTranscribedHere());

        Assert.Equal(JobResolution.RetryLater, (await handler.HandleAsync(Try(missing), CancellationToken.None)).Resolution);
        Assert.Equal(JobResult.Unprocessable, await handler.HandleAsync(Try(missing, 3, last: true), CancellationToken.None));
    }

    [Fact]
    public async Task While_the_feedback_models_circuit_is_open_a_job_is_handed_back_for_when_the_break_ends()
    {
        var speech = new ScriptedSpeechToText().Then(ScriptedSpeechToText.Throws(
            new FeedbackModelException(true, FeedbackModelException.SpeechBusyMessage, "503")));
        var handler = Handler(speech, configure: options =>
        {
            options.MaxRetries = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakerFailureRatio = 0.5;
            options.BreakerBreakSeconds = 30;
        });
        foreach (var _ in Enumerable.Range(0, 2))
            await handler.HandleAsync(Try(await SpokenAsync()), CancellationToken.None);
        var calls = speech.Calls.Count;

        var result = await handler.HandleAsync(Try(await SpokenAsync()), CancellationToken.None);

        Assert.Equal(JobResolution.RetryLater, result.Resolution);
        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
        Assert.Equal(calls, speech.Calls.Count);
    }

    public void Dispose() => _services.Dispose();
}
