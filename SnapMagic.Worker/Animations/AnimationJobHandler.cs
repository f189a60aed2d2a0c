using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Jobs;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Animations;

/// <summary>
/// Works one animation message: the Api's start (<see cref="JobMessage.Animation"/>) or a delayed re-check this handler sent.
/// A queued animation is started on the video model (Bedrock's <c>clientRequestToken</c> is the card's correlation id, so a
/// retried or redelivered start returns the same invocation: never a second video), stored as processing with the model's
/// handle, and a re-check is sent with a delay; a processing one is asked for its status: still running → another delayed
/// re-check (until <see cref="AnimationOptions.MaxMinutes"/>), completed → its video's key stored, failed → its reason stored.
/// Each step ends; no slot of the worker or of the model is held while a video runs.
/// </summary>
/// <remarks>
/// Duplicate checks. A check that finds the animation finished (or gone) does nothing and sends nothing, so every chain of
/// re-checks ends with the animation, and the deadline ends it at the latest. A chain can fork only when a check's successor
/// was sent and its own delete then failed (or its worker died between the two): the redelivered copy sends one more. Such a
/// fork costs one status read per interval until the animation ends; it cannot be merged without state no store keeps, and
/// dropping a redelivered check instead could lose the only chain (a check released after a failed status read looks the
/// same), which would leave the animation processing until its deadline check never came. Losing a chain is worse than a
/// few extra reads, so a check always sends its successor while the video runs.
/// </remarks>
public sealed partial class AnimationJobHandler(
    IJobStore store,
    IImageStore images,
    ICardQueues queues,
    ResilientVideoModel model,
    AnimationFailures failures,
    AnimationMetrics metrics,
    IOptions<AnimationOptions> options,
    IOptions<VideoModelOptions> videoOptions,
    IOptions<BedrockVideoOptions> bedrockOptions,
    TimeProvider time,
    ILogger<AnimationJobHandler> logger) : IJobHandler
{
    public const string CardImageMissingMessage = "This card's picture could not be read, so it cannot be animated.";
    public const string OutsideBucketMessage = "The animation service wrote the video somewhere we cannot serve it from.";

    public JobKind Kind => JobKind.Animation;

    private bool IsLocalModel => videoOptions.Value.Provider.Equals("Local", StringComparison.OrdinalIgnoreCase);

    /// <summary>The pause before the next check on a running video.</summary>
    public TimeSpan Recheck => options.Value.Recheck(IsLocalModel);

    public async Task<JobResult> HandleAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var id = attempt.CorrelationId;
        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            LogUnknownJob(id, attempt.Number);
            return attempt.IsLast ? JobResult.Unprocessable : JobResult.RetryLater();
        }
        var animation = job.Animation;
        if (animation is null || animation.Status.IsTerminal())
        {
            // No animation (nothing asked for) or a finished one (a late or duplicate check): nothing to do, nothing sent.
            LogNothingToDo(id, animation?.Status.ToWireName() ?? "none");
            return JobResult.AlreadyFinished;
        }
        if (model.Breaker.RemainingBreak is { } wait && wait > TimeSpan.Zero)
        {
            // Not this animation's fault: hand it back for when the circuit lets calls through, without a call now.
            LogBreakerOpen(id, wait);
            return JobResult.RetryLater(wait);
        }
        try
        {
            return animation.Status == CardAnimationStatus.Queued
                ? await StartAsync(job, cancellationToken)
                : await CheckAsync(job, animation, attempt, cancellationToken);
        }
        catch (VideoModelException ex) when (!ex.IsTransient)
        {
            LogRefused(ex, id);
            return await FailAsync(id, ex.AttendeeMessage, "refused", cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            LogBreakerOpen(id, model.Breaker.RemainingBreak);
            return JobResult.RetryLater(model.Breaker.RemainingBreak);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            if (attempt.IsLast)
            {
                LogGaveUp(ex, id, attempt.Number);
                return await FailAsync(id, AnimationFailures.BusyMessage, "transient", cancellationToken);
            }
            LogWillRetry(ex, id, attempt.Number);
            return JobResult.RetryLater();
        }
    }

    private async Task<JobResult> StartAsync(CardJob job, CancellationToken cancellationToken)
    {
        var id = job.CorrelationId;
        var png = await ReadCardAsync(job, cancellationToken);
        if (png is null)
            return await FailAsync(id, CardImageMissingMessage, "card_missing", cancellationToken);

        var handle = await model.StartAnimationAsync(new AnimationRequest(id, png, job.Prompt), cancellationToken);
        var startedAt = time.GetUtcNow();
        CardJob? started;
        using (var write = WorkerTelemetry.StartCardSpan("animation status write", id))
        {
            write?.SetTag("snapmagic.animation.status", CardAnimationStatus.Processing.ToWireName());
            started = await store.TryStartAnimationAsync(id, handle.Id, startedAt, cancellationToken);
            write?.SetTag("snapmagic.status.applied", started is not null);
        }
        if (started?.Animation is not { Status: CardAnimationStatus.Processing } processing)
            return JobResult.AlreadyFinished;
        if (processing.InvocationId is { } stored && stored != handle.Id)
            LogStoredHandleKept(id, stored);
        // Another copy of the start may have won the write a moment earlier (same video: same token); count the start once.
        // Either way a re-check is sent: a redundant one costs a status read, a missing one would strand the animation.
        if (processing.StartedAt is { } stamped && Math.Abs((stamped - startedAt).TotalMilliseconds) < 1)
            metrics.Started();
        LogStarted(id, processing.InvocationId ?? handle.Id);
        await failures.NotifyAsync(id, CardAnimationStatus.Processing, cancellationToken);
        await SendRecheckAsync(id, cancellationToken);
        return JobResult.Completed;
    }

    private async Task<JobResult> CheckAsync(CardJob job, CardAnimation animation, JobAttempt attempt, CancellationToken cancellationToken)
    {
        var id = job.CorrelationId;
        var startedAt = animation.StartedAt ?? animation.RequestedAt;
        if (time.GetUtcNow() - startedAt > options.Value.MaxDuration)
        {
            LogDeadline(id, startedAt);
            return await FailAsync(id, AnimationFailures.TooLongMessage, "deadline", cancellationToken);
        }
        if (animation.InvocationId is not { Length: > 0 } invocationId)
            return await FailAsync(id, LostMessage, "no_handle", cancellationToken);

        var status = await model.GetStatusAsync(id, new AnimationHandle(invocationId), cancellationToken);
        switch (status)
        {
            case AnimationStatus.Completed completed:
                metrics.Checked("completed");
                return await CompleteAsync(job, completed, cancellationToken);
            case AnimationStatus.Failed failed:
                metrics.Checked("failed");
                LogModelFailed(id, failed.Detail);
                return await FailAsync(id, failed.Reason, "model_failed", cancellationToken);
            default:
                metrics.Checked("in_progress");
                LogStillRunning(id, attempt.Number);
                await SendRecheckAsync(id, cancellationToken);
                return JobResult.Completed;
        }
    }

    public const string LostMessage = LocalVideoModel.LostMessage;

    private async Task<JobResult> CompleteAsync(CardJob job, AnimationStatus.Completed video, CancellationToken cancellationToken)
    {
        var id = job.CorrelationId;
        string key;
        if (video.VideoLocation.StartsWith("s3://", StringComparison.Ordinal))
        {
            var (bucket, objectKey) = SplitS3Uri(video.VideoLocation);
            if (bucket != bedrockOptions.Value.OutputBucket || objectKey.Length == 0)
            {
                LogOutsideBucket(id, video.VideoLocation, bedrockOptions.Value.OutputBucket);
                return await FailAsync(id, OutsideBucketMessage, "outside_bucket", cancellationToken);
            }
            key = objectKey;
        }
        else
        {
            // The local model's file: copied into the event's blob store, where the Api serves card images from.
            key = CardAnimation.VideoKeyFor(job.SessionId, id, "webp");
            var bytes = await File.ReadAllBytesAsync(video.VideoLocation, cancellationToken);
            using var write = WorkerTelemetry.StartCardSpan("video write", id);
            write?.SetTag("snapmagic.video.key", key);
            write?.SetTag("snapmagic.video.bytes", bytes.Length);
            await images.SaveAsync(key, bytes, video.ContentType, cancellationToken);
        }

        CardJob? completed;
        using (var write = WorkerTelemetry.StartCardSpan("animation status write", id))
        {
            write?.SetTag("snapmagic.animation.status", CardAnimationStatus.Completed.ToWireName());
            completed = await store.TryCompleteAnimationAsync(id, key, video.ContentType, time.GetUtcNow(), cancellationToken);
            write?.SetTag("snapmagic.status.applied", completed is not null);
        }
        if (completed is null)
            return JobResult.AlreadyFinished;
        metrics.Completed();
        LogCompleted(id, key);
        await failures.NotifyAsync(id, CardAnimationStatus.Completed, cancellationToken);
        return JobResult.Completed;
    }

    private async Task<JobResult> FailAsync(string id, string attendeeMessage, string reason, CancellationToken cancellationToken) =>
        await failures.FailAsync(id, attendeeMessage, reason, cancellationToken) ? JobResult.Failed : JobResult.AlreadyFinished;

    private async Task<byte[]?> ReadCardAsync(CardJob job, CancellationToken cancellationToken)
    {
        if (job.ImageKey is not { Length: > 0 } imageKey)
            return null;
        await using var stored = await images.OpenReadAsync(imageKey, cancellationToken);
        if (stored is null)
            return null;
        using var buffer = new MemoryStream();
        await stored.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// The next check, as a new message made visible after <see cref="Recheck"/> (plus up to a fifth); it carries this span's trace context, so
    /// every check of the animation is in the trace of the Api's request that asked for it.
    /// </summary>
    private async Task SendRecheckAsync(string id, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.StartCardSpan("animations recheck send", id, ActivityKind.Producer);
        activity?.SetTag("messaging.destination.name", queues.Jobs.Name);
        activity?.SetTag("messaging.operation.type", "send");
        // The next check's consumer span is this span's child: the checks of one animation chain up in one trace.
        var attributes = new Dictionary<string, string>(3) { [MessageAttributes.CorrelationId] = id };
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } current)
        {
            attributes[MessageAttributes.TraceParent] = traceParent;
            if (!string.IsNullOrEmpty(current.TraceStateString))
                attributes[MessageAttributes.TraceState] = current.TraceStateString;
        }
        // Up to a fifth longer at random: animations started together (a burst of requests) spread their checks apart.
        var delay = Recheck * (1 + Random.Shared.NextDouble() / 5);
        if (delay > OutgoingMessage.MaxDelay)
            delay = OutgoingMessage.MaxDelay;
        activity?.SetTag("snapmagic.animation.recheck_seconds", Math.Round(delay.TotalSeconds, 1));
        await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(id).ToJson(), attributes, delay), cancellationToken);
    }

    private static (string Bucket, string Key) SplitS3Uri(string uri)
    {
        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
    }

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: no such job in the store (animation try {Attempt})")]
    private partial void LogUnknownJob(string correlationId, int attempt);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId}: animation is {Status}; nothing to do")]
    private partial void LogNothingToDo(string correlationId, string status);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId}: animation started ({Handle})")]
    private partial void LogStarted(string correlationId, string handle);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the store already holds animation {Stored}; keeping it")]
    private partial void LogStoredHandleKept(string correlationId, string stored);

    [LoggerMessage(LogLevel.Debug, "Card {CorrelationId}: the video is still running (check try {Attempt}); checking again later")]
    private partial void LogStillRunning(string correlationId, int attempt);

    [LoggerMessage(LogLevel.Information, "Card {CorrelationId}: animation completed ({Key})")]
    private partial void LogCompleted(string correlationId, string key);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the video model failed the animation: {Detail}")]
    private partial void LogModelFailed(string correlationId, string detail);

    [LoggerMessage(LogLevel.Error, "Card {CorrelationId}: the video is at {Location}, not in the event's bucket {Bucket}")]
    private partial void LogOutsideBucket(string correlationId, string location, string? bucket);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: animation running since {StartedAt}, past its deadline; marking it failed")]
    private partial void LogDeadline(string correlationId, DateTimeOffset startedAt);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the video model refused the animation; marking it failed")]
    private partial void LogRefused(Exception exception, string correlationId);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the video model's circuit is open; animation retried in {Delay}")]
    private partial void LogBreakerOpen(string correlationId, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId}: the video model kept failing (animation try {Attempt}); retrying later")]
    private partial void LogWillRetry(Exception exception, string correlationId, int attempt);

    [LoggerMessage(LogLevel.Error, "Card {CorrelationId}: the video model kept failing on the last allowed try ({Attempt}); marking the animation failed")]
    private partial void LogGaveUp(Exception exception, string correlationId, int attempt);
}
