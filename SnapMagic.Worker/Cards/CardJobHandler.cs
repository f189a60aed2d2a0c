using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Imaging;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Notifications;
using SnapMagic.Worker.Jobs;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Cards;

/// <summary>
/// Works one try at a card: claim the job, paint it through the resilient model, store the PNG, mark it
/// completed (or failed) with a conditional status change, and ask the Api to push. Every status write is
/// conditional, so a second try never makes a second <c>completed</c>; a try that finds the card's PNG already
/// stored by an earlier one (which died before its status write) completes it without calling the model again.
/// Knows nothing of messages: the caller settles them from the returned <see cref="JobResult"/>.
/// </summary>
public sealed partial class CardJobHandler(
    IJobStore store,
    IImageStore images,
    ResilientImageModel model,
    ModelBreaker breaker,
    IApiNotifier notifier,
    WorkerMetrics metrics,
    TimeProvider time,
    ILogger<CardJobHandler> logger) : IJobHandler
{
    public JobKind Kind => JobKind.Card;

    public const string BusyMessage = "The image service is busy; we could not make this card. Please try again.";

    /// <inheritdoc />
    /// <remarks>A failed push request never fails the card.</remarks>
    public async Task<JobResult> HandleAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var id = attempt.CorrelationId;
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            // A job is written before its message is sent; give a slow store a few tries, then set it aside.
            LogUnknownJob(id, attempt.Number);
            return attempt.IsLast ? JobResult.Unprocessable : JobResult.RetryLater();
        }
        if (job.Status.IsTerminal())
        {
            // The try before this one may have died between its status write and its notice: announce again
            // (the Api pushes a status once, so a card whose push went out gets none).
            await NotifyAsync(id, job.Status, cancellationToken);
            return JobResult.AlreadyFinished;
        }

        if (job.Status == CardStatus.Queued)
            metrics.QueueWait(time.GetUtcNow() - job.CreatedAt);
        var startedBefore = job.Status == CardStatus.Processing;
        var started = await WriteStatusAsync(id, CardStatus.Processing, ct => store.TryStartAsync(id, time.GetUtcNow(), ct), cancellationToken);
        if (started is null)
            return JobResult.AlreadyFinished;
        LogStarted(id, attempt.Number);
        await NotifyAsync(id, CardStatus.Processing, cancellationToken);

        var imageKey = CardJob.ImageKeyFor(job.SessionId, id);
        if (startedBefore && await IsImageStoredAsync(imageKey, cancellationToken))
        {
            LogImageAlreadyStored(id);
        }
        else
        {
            byte[] png;
            try
            {
                png = await model.PaintCardAsync(new CardImageRequest(id, job.Prompt), cancellationToken);
            }
            catch (ImageModelException ex) when (!ex.IsTransient)
            {
                LogRefused(ex, id, ex.Failure);
                return await FailAsync(id, ex.AttendeeMessage, ex.Failure.ToString().ToLowerInvariant(), cancellationToken);
            }
            catch (BrokenCircuitException)
            {
                // Not the card's fault: hand it back for when the circuit lets calls through again.
                var wait = breaker.RemainingBreak;
                LogBreakerOpen(id, wait);
                return JobResult.RetryLater(wait);
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt.IsLast)
                {
                    LogGaveUp(ex, id, attempt.Number);
                    return await FailAsync(id, BusyMessage, "transient", cancellationToken);
                }
                LogWillRetry(ex, id, attempt.Number);
                return JobResult.RetryLater();
            }
            await SaveImageAsync(id, imageKey, png, cancellationToken);
        }

        var completed = await WriteStatusAsync(id, CardStatus.Completed, ct => store.TryCompleteAsync(id, imageKey, time.GetUtcNow(), ct), cancellationToken);
        if (completed is null)
            return JobResult.AlreadyFinished;
        metrics.CardCompleted();
        LogCompleted(id);
        await NotifyAsync(id, CardStatus.Completed, cancellationToken);
        return JobResult.Completed;
    }

    private async Task<JobResult> FailAsync(string id, string attendeeMessage, string reason, CancellationToken cancellationToken)
    {
        var failed = await WriteStatusAsync(id, CardStatus.Failed, ct => store.TryFailAsync(id, attendeeMessage, time.GetUtcNow(), ct), cancellationToken);
        if (failed is null)
            return JobResult.AlreadyFinished;
        metrics.CardFailed(reason);
        await NotifyAsync(id, CardStatus.Failed, cancellationToken);
        return JobResult.Failed;
    }

    private async Task<bool> IsImageStoredAsync(string imageKey, CancellationToken cancellationToken)
    {
        await using var stored = await images.OpenReadAsync(imageKey, cancellationToken);
        return stored is not null;
    }

    private async Task SaveImageAsync(string id, string imageKey, byte[] png, CancellationToken cancellationToken)
    {
        using var write = WorkerTelemetry.StartCardSpan("image write", id);
        write?.SetTag("snapmagic.image.key", imageKey);
        write?.SetTag("snapmagic.image.bytes", png.Length);
        await images.SaveAsync(imageKey, png, cancellationToken);
    }

    private static async Task<CardJob?> WriteStatusAsync(
        string id, CardStatus status, Func<CancellationToken, Task<CardJob?>> write, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.StartCardSpan("status write", id);
        activity?.SetTag(CardTelemetry.CardStatusTag, status.ToWireName());
        var job = await write(cancellationToken);
        activity?.SetTag("snapmagic.status.applied", job is not null);
        return job;
    }

    /// <summary>The store holds the status either way; the page's fallback read finds what a lost push would have said.</summary>
    private async Task NotifyAsync(string id, CardStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.CardChangedAsync(id, status, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotifyFailed(ex, id, status);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: no such job in the store (try {Attempt})")]
    private partial void LogUnknownJob(string correlationId, int attempt);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId} started (try {Attempt})")]
    private partial void LogStarted(string correlationId, int attempt);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId}: its image was stored by an earlier try; completing it without a model call")]
    private partial void LogImageAlreadyStored(string correlationId);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId} completed")]
    private partial void LogCompleted(string correlationId);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId} refused by the image model ({Failure}); marking it failed")]
    private partial void LogRefused(Exception exception, string correlationId, ImageModelFailure failure);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId} hit the open circuit breaker; retry in {Delay}")]
    private partial void LogBreakerOpen(string correlationId, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the model kept failing (try {Attempt}); retrying later")]
    private partial void LogWillRetry(Exception exception, string correlationId, int attempt);

    [LoggerMessage(LogLevel.Error, "Card {CorrelationId}: the model kept failing on the last allowed try ({Attempt}); marking it failed")]
    private partial void LogGaveUp(Exception exception, string correlationId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: could not ask the Api to push {Status}; the page reads it from the store")]
    private partial void LogNotifyFailed(Exception exception, string correlationId, CardStatus status);
}
