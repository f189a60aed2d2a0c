using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Imaging;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Notifications;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Cards;

/// <summary>
/// Works one received message to its end: paint the card, store the PNG, mark the job completed, have the
/// Api push it, delete the message. Every status write is conditional, so a redelivered message never makes
/// a second image or a second <c>completed</c>. The message is kept leased while the card is worked on and
/// is only deleted once the job store holds the card's final status.
/// </summary>
public sealed partial class CardProcessor(
    ICardQueues queues,
    IJobStore store,
    IImageStore images,
    ResilientImageModel model,
    ModelBreaker breaker,
    IApiNotifier notifier,
    WorkerMetrics metrics,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<CardProcessor> logger)
{
    public const string BusyMessage = "The image service is busy; we could not make this card. Please try again.";

    private static readonly TimeSpan ReleaseCallTimeout = TimeSpan.FromSeconds(5);

    private readonly QueueOptions _queue = queueOptions.Value;

    private TimeSpan Visibility => TimeSpan.FromSeconds(_queue.VisibilityTimeoutSeconds);

    /// <summary>
    /// Never throws for a card's own trouble. When <paramref name="cancellationToken"/> fires (shutdown grace
    /// is over) the message is released at once so another worker takes it, and the cancellation propagates.
    /// </summary>
    public async Task<CardOutcome> ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var card = CardMessage.TryParse(message.Body);
        if (card is null)
        {
            LogPoison(message.MessageId, Truncate(message.Body));
            return await DeadLetterAsync(message, cancellationToken);
        }

        var id = card.CorrelationId;
        using var activity = WorkerTelemetry.StartConsumerSpan("cards process", message.Attributes, id);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.message.delivery_count", message.ReceiveCount);
        using var scope = logger.BeginScope(new Dictionary<string, object> { [CardTelemetry.CorrelationIdTag] = id });

        Disposition disposition;
        try
        {
            await using (LeaseHeartbeat.Start(queues.Jobs, message, Visibility, time, logger))
                disposition = await WorkAsync(id, message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(id);
            await ReleaseAsync(message, TimeSpan.Zero);
            activity?.SetTag("snapmagic.card.outcome", "abandoned");
            throw;
        }
        catch (Exception ex)
        {
            // The store, the image store or the queue failed: keep the message and try again later.
            LogUnexpected(ex, id);
            activity.RecordError(ex);
            disposition = Disposition.Release(CardOutcome.Released, RetryDelay(message));
        }

        activity?.SetTag("snapmagic.card.outcome", disposition.Outcome.ToString().ToLowerInvariant());
        await ApplyAsync(message, disposition, cancellationToken);
        return disposition.Outcome;
    }

    private async Task<Disposition> WorkAsync(string id, QueueMessage message, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            // A job is written before its message is sent; give a slow store a few tries, then keep the message aside.
            LogUnknownJob(id, message.ReceiveCount);
            return message.ReceiveCount >= _queue.MaxReceiveCount
                ? Disposition.DeadLetter()
                : Disposition.Release(CardOutcome.Released, RetryDelay(message));
        }
        if (job.Status.IsTerminal())
        {
            // The worker before this one may have died between its status write and its notice: announce again
            // (the Api pushes a status once, so a card whose push went out gets none).
            await notifier.CardChangedAsync(id, job.Status, cancellationToken);
            return Disposition.Delete(CardOutcome.AlreadyFinished);
        }

        if (job.Status == CardStatus.Queued)
            metrics.QueueWait(time.GetUtcNow() - job.CreatedAt);
        var started = await WriteStatusAsync(id, CardStatus.Processing, ct => store.TryStartAsync(id, time.GetUtcNow(), ct), cancellationToken);
        if (started is null)
            return Disposition.Delete(CardOutcome.AlreadyFinished);
        LogStarted(id, message.ReceiveCount);
        await notifier.CardChangedAsync(id, CardStatus.Processing, cancellationToken);

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
            return Disposition.Release(CardOutcome.Released, wait);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            if (message.ReceiveCount >= _queue.MaxReceiveCount)
            {
                LogGaveUp(ex, id, message.ReceiveCount);
                return await FailAsync(id, BusyMessage, "transient", cancellationToken);
            }
            LogWillRetry(ex, id, message.ReceiveCount);
            return Disposition.Release(CardOutcome.Released, RetryDelay(message));
        }

        var imageKey = CardJob.ImageKeyFor(job.SessionId, id);
        using (var write = WorkerTelemetry.StartCardSpan("image write", id))
        {
            write?.SetTag("snapmagic.image.key", imageKey);
            write?.SetTag("snapmagic.image.bytes", png.Length);
            await images.SaveAsync(imageKey, png, cancellationToken);
        }
        var completed = await WriteStatusAsync(id, CardStatus.Completed, ct => store.TryCompleteAsync(id, imageKey, time.GetUtcNow(), ct), cancellationToken);
        if (completed is null)
            return Disposition.Delete(CardOutcome.AlreadyFinished);
        metrics.CardCompleted();
        LogCompleted(id);
        await notifier.CardChangedAsync(id, CardStatus.Completed, cancellationToken);
        return Disposition.Delete(CardOutcome.Completed);
    }

    private async Task<Disposition> FailAsync(string id, string attendeeMessage, string reason, CancellationToken cancellationToken)
    {
        var failed = await WriteStatusAsync(id, CardStatus.Failed, ct => store.TryFailAsync(id, attendeeMessage, time.GetUtcNow(), ct), cancellationToken);
        if (failed is null)
            return Disposition.Delete(CardOutcome.AlreadyFinished);
        metrics.CardFailed(reason);
        await notifier.CardChangedAsync(id, CardStatus.Failed, cancellationToken);
        return Disposition.Delete(CardOutcome.Failed);
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

    private async Task ApplyAsync(QueueMessage message, Disposition disposition, CancellationToken cancellationToken)
    {
        switch (disposition.Action)
        {
            case DispositionAction.Delete:
                try
                {
                    await queues.Jobs.DeleteAsync(message.ReceiptHandle, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The card is final in the store; a redelivery finds it so and only deletes the message.
                    LogDeleteFailed(ex, message.MessageId);
                }
                break;
            case DispositionAction.Release:
                await ReleaseAsync(message, disposition.Delay);
                break;
            case DispositionAction.DeadLetter:
                await DeadLetterAsync(message, cancellationToken);
                break;
        }
    }

    /// <summary>Copies the message, body and attributes, to the dead-letter queue, then deletes it from the job queue.</summary>
    private async Task<CardOutcome> DeadLetterAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queues.DeadLetters.SendAsync(new OutgoingMessage(message.Body, message.Attributes), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never lose it: leave it on the job queue, whose own redrive moves it after MaxReceiveCount.
            LogDeadLetterFailed(ex, message.MessageId);
            await ReleaseAsync(message, RetryDelay(message));
            return CardOutcome.Released;
        }
        try
        {
            await queues.Jobs.DeleteAsync(message.ReceiptHandle, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeleteFailed(ex, message.MessageId);
        }
        return CardOutcome.DeadLettered;
    }

    /// <summary>Hands the message back to the queue after <paramref name="delay"/>; runs even during shutdown.</summary>
    private async Task ReleaseAsync(QueueMessage message, TimeSpan delay)
    {
        using var timeout = new CancellationTokenSource(ReleaseCallTimeout, time);
        try
        {
            await queues.Jobs.ChangeVisibilityAsync(message.ReceiptHandle, delay, timeout.Token);
        }
        catch (Exception ex)
        {
            // The lease runs out on its own; the message comes back then.
            LogReleaseFailed(ex, message.MessageId);
        }
    }

    /// <summary>Later tries wait longer: 2, 4, 8, 16 s ... up to the visibility timeout.</summary>
    private TimeSpan RetryDelay(QueueMessage message) =>
        TimeSpan.FromSeconds(Math.Min(_queue.VisibilityTimeoutSeconds, Math.Pow(2, Math.Clamp(message.ReceiveCount, 1, 10))));

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";

    private enum DispositionAction { Delete, Release, DeadLetter }

    private readonly record struct Disposition(DispositionAction Action, CardOutcome Outcome, TimeSpan Delay)
    {
        public static Disposition Delete(CardOutcome outcome) => new(DispositionAction.Delete, outcome, TimeSpan.Zero);
        public static Disposition Release(CardOutcome outcome, TimeSpan delay) => new(DispositionAction.Release, outcome, delay);
        public static Disposition DeadLetter() => new(DispositionAction.DeadLetter, CardOutcome.DeadLettered, TimeSpan.Zero);
    }

    [LoggerMessage(LogLevel.Error, "Message {MessageId} is not a card job; moving it to the dead-letter queue. Body: {Body}")]
    private partial void LogPoison(string messageId, string body);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: no such job in the store (receive {ReceiveCount})")]
    private partial void LogUnknownJob(string correlationId, int receiveCount);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId} started (receive {ReceiveCount})")]
    private partial void LogStarted(string correlationId, int receiveCount);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId} completed")]
    private partial void LogCompleted(string correlationId);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId} refused by the image model ({Failure}); marking it failed")]
    private partial void LogRefused(Exception exception, string correlationId, ImageModelFailure failure);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId} hit the open circuit breaker; released for {Delay}")]
    private partial void LogBreakerOpen(string correlationId, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the model kept failing (receive {ReceiveCount}); released for a later try")]
    private partial void LogWillRetry(Exception exception, string correlationId, int receiveCount);

    [LoggerMessage(LogLevel.Error, "Card {CorrelationId}: the model kept failing on the last allowed receive ({ReceiveCount}); marking it failed")]
    private partial void LogGaveUp(Exception exception, string correlationId, int receiveCount);

    [LoggerMessage(LogLevel.Error, "Card {CorrelationId}: processing failed unexpectedly; released for a later try")]
    private partial void LogUnexpected(Exception exception, string correlationId);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: shutting down before it finished; released for another worker")]
    private partial void LogAbandoned(string correlationId);

    [LoggerMessage(LogLevel.Warning, "Could not delete message {MessageId}")]
    private partial void LogDeleteFailed(Exception exception, string messageId);

    [LoggerMessage(LogLevel.Warning, "Could not release message {MessageId}; it comes back when its lease runs out")]
    private partial void LogReleaseFailed(Exception exception, string messageId);

    [LoggerMessage(LogLevel.Error, "Could not move message {MessageId} to the dead-letter queue; left on the job queue")]
    private partial void LogDeadLetterFailed(Exception exception, string messageId);
}
