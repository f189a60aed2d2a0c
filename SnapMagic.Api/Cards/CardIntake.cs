using System.Diagnostics;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Api.Cards;

internal enum AcceptOutcome
{
    /// <summary>A new job was stored and queued.</summary>
    Queued,
    /// <summary>The session already sent this Idempotency-Key: the earlier job, nothing new.</summary>
    Replayed,
    /// <summary>The queue refused the message; the stored job was marked failed.</summary>
    QueueUnavailable,
}

/// <summary>The accept path: store the job (queued), then put its message on the job queue with the trace context.</summary>
internal sealed class CardIntake(IJobStore store, ICardQueues queues, TimeProvider time, ILogger<CardIntake> logger)
{
    public const string QueueFailedMessage = "The card could not be queued; please try again.";

    public async Task<(AcceptOutcome Outcome, CardJob Job)> AcceptAsync(string sessionId, string prompt, string? idempotencyKey)
    {
        var started = Stopwatch.GetTimestamp();
        var job = new CardJob
        {
            CorrelationId = CorrelationIds.New(),
            SessionId = sessionId,
            Prompt = prompt,
            Status = CardStatus.Queued,
            CreatedAt = time.GetUtcNow(),
            IdempotencyKey = idempotencyKey,
        };

        // Before the store's call, whose own span (an HTTP call on the AWS backend) takes the id from this one.
        ApiTelemetry.TagCard(job.CorrelationId);
        // No request cancellation from here on: a client that hangs up must not leave a stored job that was never queued.
        var (stored, created) = await store.CreateAsync(job, CancellationToken.None);
        if (!created)
        {
            ApiTelemetry.TagCard(stored.CorrelationId);
            return (AcceptOutcome.Replayed, stored);
        }

        if (!await EnqueueAsync(stored))
        {
            var failed = await store.TryFailAsync(stored.CorrelationId, QueueFailedMessage, time.GetUtcNow(), CancellationToken.None);
            return (AcceptOutcome.QueueUnavailable, failed ?? stored);
        }

        ApiTelemetry.CardsAccepted.Add(1);
        ApiTelemetry.AcceptDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return (AcceptOutcome.Queued, stored);
    }

    private async Task<bool> EnqueueAsync(CardJob job)
    {
        using var activity = ApiTelemetry.Source.StartActivity("cards enqueue", ActivityKind.Producer);
        activity?.SetTag(CardTelemetry.CorrelationIdTag, job.CorrelationId);
        activity?.SetTag("messaging.destination.name", queues.Jobs.Name);
        activity?.SetTag("messaging.operation.type", "send");

        var attributes = new Dictionary<string, string>(3) { [MessageAttributes.CorrelationId] = job.CorrelationId };
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } context)
        {
            attributes[MessageAttributes.TraceParent] = traceParent;
            if (!string.IsNullOrEmpty(context.TraceStateString))
                attributes[MessageAttributes.TraceState] = context.TraceStateString;
        }

        try
        {
            await queues.Jobs.SendAsync(new OutgoingMessage(new CardMessage(job.CorrelationId).ToJson(), attributes), CancellationToken.None);
            return true;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Card {CorrelationId} could not be queued", job.CorrelationId);
            return false;
        }
    }
}
