using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Queueing;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.Worker.Jobs;

/// <summary>
/// Carries one received job message to its end: keeps it leased (<see cref="LeaseHeartbeat"/>) while the
/// <see cref="IJobHandler"/> of its kind works the job, then settles it from the result: deleted once the store holds
/// the job's final status, released (made visible again after a pause) when the job is to be tried again or the
/// work failed unexpectedly, moved to the dead-letter queue when it is not a job message, no handler here does its
/// kind, or it can never be finished.
/// </summary>
public sealed partial class JobMessageManager(
    ICardQueues queues,
    IEnumerable<IJobHandler> handlers,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<JobMessageManager> logger)
{
    private static readonly TimeSpan ReleaseCallTimeout = TimeSpan.FromSeconds(5);

    private readonly QueueOptions _queue = queueOptions.Value;
    private readonly Dictionary<JobKind, IJobHandler> _handlers = handlers.ToDictionary(handler => handler.Kind);

    private TimeSpan Visibility => TimeSpan.FromSeconds(_queue.VisibilityTimeoutSeconds);

    /// <summary>
    /// Never throws for a card's own trouble. When <paramref name="cancellationToken"/> fires (shutdown grace
    /// is over) the message is released at once so another worker takes it, and the cancellation propagates.
    /// </summary>
    public async Task<JobOutcome> ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var job = JobMessage.TryParse(message.Body);
        if (job is null)
        {
            LogPoison(message.MessageId, Truncate(message.Body));
            return await DeadLetterAsync(message, cancellationToken);
        }
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            LogNoHandler(message.MessageId, job.Kind);
            return await DeadLetterAsync(message, cancellationToken);
        }

        var id = job.CorrelationId;
        using var activity = WorkerTelemetry.StartConsumerSpan(SpanName(job.Kind), message.Attributes, id);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.message.delivery_count", message.ReceiveCount);
        using var scope = logger.BeginScope(new Dictionary<string, object> { [CardTelemetry.CorrelationIdTag] = id });

        JobResult result;
        try
        {
            var attempt = new JobAttempt(id, message.ReceiveCount, IsLast: message.ReceiveCount >= _queue.MaxReceiveCount);
            await using (LeaseHeartbeat.Start(queues.Jobs, message, Visibility, time, logger))
                result = await handler.HandleAsync(attempt, cancellationToken);
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
            // The store or the image store failed: keep the message and try again later.
            LogUnexpected(ex, id);
            activity.RecordError(ex);
            result = JobResult.RetryLater();
        }

        var outcome = await SettleAsync(message, result, cancellationToken);
        activity?.SetTag("snapmagic.card.outcome", outcome.ToString().ToLowerInvariant());
        return outcome;
    }

    private async Task<JobOutcome> SettleAsync(QueueMessage message, JobResult result, CancellationToken cancellationToken)
    {
        switch (result.Resolution)
        {
            case JobResolution.RetryLater:
                await ReleaseAsync(message, result.RetryAfter ?? RetryDelay(message));
                return JobOutcome.Released;
            case JobResolution.Unprocessable:
                return await DeadLetterAsync(message, cancellationToken);
            default:
                await DeleteAsync(message, cancellationToken);
                return result.Resolution switch
                {
                    JobResolution.Completed => JobOutcome.Completed,
                    JobResolution.Failed => JobOutcome.Failed,
                    _ => JobOutcome.AlreadyFinished,
                };
        }
    }

    private async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queues.Jobs.DeleteAsync(message.ReceiptHandle, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The card is final in the store; a redelivery finds it so and only deletes the message.
            LogDeleteFailed(ex, message.MessageId);
        }
    }

    /// <summary>Copies the message, body and attributes, to the dead-letter queue, then deletes it from the job queue.</summary>
    private async Task<JobOutcome> DeadLetterAsync(QueueMessage message, CancellationToken cancellationToken)
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
            return JobOutcome.Released;
        }
        await DeleteAsync(message, cancellationToken);
        return JobOutcome.DeadLettered;
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

    /// <summary>"cards process" as before there were other jobs; "animations process" and "feedback process" for the others.</summary>
    private static string SpanName(JobKind kind) => kind switch
    {
        JobKind.Card => "cards process",
        JobKind.Animation => "animations process",
        _ => "feedback process",
    };

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";

    [LoggerMessage(LogLevel.Error, "Message {MessageId} is not a job message; moving it to the dead-letter queue. Body: {Body}")]
    private partial void LogPoison(string messageId, string body);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} is a {Kind} job, which no handler here does; moving it to the dead-letter queue")]
    private partial void LogNoHandler(string messageId, JobKind kind);

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
