using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using SnapMagic.Contracts;
using SnapMagic.Feedback;
using SnapMagic.Imaging.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Worker.Jobs;
using SnapMagic.Worker.Notifications;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Feedback;

/// <summary>
/// Works one try at an attendee's feedback, the way <see cref="Cards.CardJobHandler"/> works a card: claim it, turn a
/// recording into text (where a reliable recogniser is configured; elsewhere it is completed "not transcribed here"
/// with no sentiment, never a made-up transcript), score the text, complete it (or fail it with a reason the attendee
/// can read) with a conditional status change, and ask the Api to push. A redelivered message finds the item finished
/// and does nothing but announce it again.
/// </summary>
public sealed partial class FeedbackJobHandler(
    IFeedbackStore store,
    IImageStore blobs,
    ResilientFeedbackModels models,
    IApiNotifier notifier,
    TimeProvider time,
    ILogger<FeedbackJobHandler> logger) : IJobHandler
{
    public const string RecordingMissingMessage = "We could not find your recording. Please record it again, or type your answer.";
    public const string NoWordsMessage = "We could not make out any words in your recording. Please try again, or type your answer.";
    public const string NoTextMessage = "Your answer has no text to read. Please type a few words.";
    public const string BusyMessage = "The service that reads feedback is busy right now; we could not read your answer. Please try again.";

    public JobKind Kind => JobKind.Feedback;

    /// <inheritdoc />
    /// <remarks>A failed push request never fails the feedback.</remarks>
    public async Task<JobResult> HandleAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var id = attempt.CorrelationId;
        var item = await store.GetAsync(id, cancellationToken);
        if (item is null)
        {
            // The item is written before its message is sent; give a slow store a few tries, then set it aside.
            LogUnknown(id, attempt.Number);
            return attempt.IsLast ? JobResult.Unprocessable : JobResult.RetryLater();
        }
        if (item.Status.IsTerminal())
        {
            // The try before may have died between its status write and its notice: announce again.
            await NotifyAsync(id, item.Status, cancellationToken);
            return JobResult.AlreadyFinished;
        }

        var started = await store.TryStartAsync(id, time.GetUtcNow(), cancellationToken);
        if (started is null)
            return JobResult.AlreadyFinished;
        LogStarted(id, item.Kind, attempt.Number);
        await NotifyAsync(id, FeedbackStatus.Processing, cancellationToken);

        if (item.Kind == FeedbackKind.Spoken && !models.CanTranscribe)
        {
            LogNotTranscribed(id);
            return await CompleteAsync(id, text: null, transcribed: false, sentiment: null, cancellationToken);
        }

        try
        {
            var (text, transcribed) = item.Kind == FeedbackKind.Spoken
                ? (await TranscribeAsync(item, cancellationToken), true)
                : (item.Text, false);
            if (string.IsNullOrWhiteSpace(text))
                return await FailAsync(id, transcribed ? NoWordsMessage : NoTextMessage, cancellationToken);
            var sentiment = await models.ScoreAsync(id, text, cancellationToken);
            return await CompleteAsync(id, text, transcribed, sentiment, cancellationToken);
        }
        catch (RecordingMissingException)
        {
            LogRecordingMissing(id, item.RecordingKey);
            return await FailAsync(id, RecordingMissingMessage, cancellationToken);
        }
        catch (FeedbackModelException ex) when (!ex.IsTransient)
        {
            LogRefused(ex, id);
            return await FailAsync(id, ex.AttendeeMessage, cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            // Not this item's fault: hand it back for when the circuit lets calls through again.
            var wait = models.Breaker.RemainingBreak;
            LogBreakerOpen(id, wait);
            return JobResult.RetryLater(wait);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            if (attempt.IsLast)
            {
                LogGaveUp(ex, id, attempt.Number);
                return await FailAsync(id, ex is FeedbackModelException model ? model.AttendeeMessage : BusyMessage, cancellationToken);
            }
            LogWillRetry(ex, id, attempt.Number);
            return JobResult.RetryLater();
        }
    }

    private async Task<string> TranscribeAsync(FeedbackItem item, CancellationToken cancellationToken)
    {
        if (item.RecordingKey is not { Length: > 0 } key)
            throw new RecordingMissingException();
        byte[] audio;
        await using (var stream = await blobs.OpenReadAsync(key, cancellationToken) ?? throw new RecordingMissingException())
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            audio = buffer.ToArray();
        }
        if (audio.Length == 0)
            throw new RecordingMissingException();
        var recording = new SpeechRecording(item.FeedbackId, audio, item.RecordingContentType ?? FeedbackLimits.WebmContentType);
        return await models.TranscribeAsync(recording, cancellationToken);
    }

    private async Task<JobResult> CompleteAsync(string id, string? text, bool transcribed, Sentiment? sentiment, CancellationToken cancellationToken)
    {
        var completed = await store.TryCompleteAsync(id, text, transcribed, sentiment, time.GetUtcNow(), cancellationToken);
        if (completed is null)
            return JobResult.AlreadyFinished;
        LogCompleted(id, transcribed, sentiment);
        await NotifyAsync(id, FeedbackStatus.Completed, cancellationToken);
        return JobResult.Completed;
    }

    private async Task<JobResult> FailAsync(string id, string reason, CancellationToken cancellationToken)
    {
        var failed = await store.TryFailAsync(id, reason, time.GetUtcNow(), cancellationToken);
        if (failed is null)
            return JobResult.AlreadyFinished;
        await NotifyAsync(id, FeedbackStatus.Failed, cancellationToken);
        return JobResult.Failed;
    }

    /// <summary>The store holds the status either way; the page's fallback read finds what a lost push would have said.</summary>
    private async Task NotifyAsync(string id, FeedbackStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.FeedbackChangedAsync(id, status, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotifyFailed(ex, id, status);
        }
    }

    private sealed class RecordingMissingException : Exception;

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId}: no such item in the store (try {Attempt})")]
    private partial void LogUnknown(string feedbackId, int attempt);

    [LoggerMessage(LogLevel.Information, "Feedback {FeedbackId} ({Kind}) started (try {Attempt})")]
    private partial void LogStarted(string feedbackId, FeedbackKind kind, int attempt);

    [LoggerMessage(LogLevel.Information, "Feedback {FeedbackId}: a recording, kept and not transcribed here (no reliable recogniser on this backend)")]
    private partial void LogNotTranscribed(string feedbackId);

    [LoggerMessage(LogLevel.Information, "Feedback {FeedbackId} completed (transcribed: {Transcribed}, sentiment: {Sentiment})")]
    private partial void LogCompleted(string feedbackId, bool transcribed, Sentiment? sentiment);

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId}: its recording {RecordingKey} is missing or empty; marking it failed")]
    private partial void LogRecordingMissing(string feedbackId, string? recordingKey);

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId} refused by the model; marking it failed")]
    private partial void LogRefused(Exception exception, string feedbackId);

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId} hit the open circuit breaker of the feedback models; retry in {Delay}")]
    private partial void LogBreakerOpen(string feedbackId, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId}: the model kept failing (try {Attempt}); retrying later")]
    private partial void LogWillRetry(Exception exception, string feedbackId, int attempt);

    [LoggerMessage(LogLevel.Error, "Feedback {FeedbackId}: the model kept failing on the last allowed try ({Attempt}); marking it failed")]
    private partial void LogGaveUp(Exception exception, string feedbackId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Feedback {FeedbackId}: could not ask the Api to push {Status}; the page reads it from the store")]
    private partial void LogNotifyFailed(Exception exception, string feedbackId, FeedbackStatus status);
}
