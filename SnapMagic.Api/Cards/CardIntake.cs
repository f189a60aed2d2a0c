using System.Diagnostics;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Queueing;

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

/// <summary>
/// The accept path: a queued job and its message on the job queue, with the trace context, through the backend's
/// <see cref="ICardSubmissions"/> (one SQLite transaction on the embedded backend; store, then send on AWS).
/// </summary>
internal sealed class CardIntake(ICardSubmissions submissions, ICardQueues queues, TimeProvider time)
{
    public const string QueueFailedMessage = ICardSubmissions.QueueFailedMessage;

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

        // Before the submission's own spans (HTTP calls on the AWS backend), which take the id from this one.
        ApiTelemetry.TagCard(job.CorrelationId);
        var submission = await SubmitAsync(job);
        switch (submission.Outcome)
        {
            case CardSubmissionOutcome.Replayed:
                ApiTelemetry.TagCard(submission.Job.CorrelationId);
                return (AcceptOutcome.Replayed, submission.Job);
            case CardSubmissionOutcome.QueueRefused:
                return (AcceptOutcome.QueueUnavailable, submission.Job);
            default:
                ApiTelemetry.CardsAccepted.Add(1);
                ApiTelemetry.AcceptDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                return (AcceptOutcome.Queued, submission.Job);
        }
    }

    private async Task<CardSubmission> SubmitAsync(CardJob job)
    {
        using var activity = JobMessageAttributes.StartSend("cards enqueue", job.CorrelationId, queues.Jobs);
        // The message carries this span's context, so the worker's span joins the request's trace under it.
        var attributes = JobMessageAttributes.For(job.CorrelationId);

        try
        {
            // No request cancellation: a client that hangs up must not leave a stored job that was never queued.
            var submission = await submissions.SubmitAsync(job, attributes, CancellationToken.None);
            if (submission.Outcome == CardSubmissionOutcome.QueueRefused)
                activity?.SetStatus(ActivityStatusCode.Error, ICardSubmissions.QueueFailedMessage);
            else if (submission.Outcome == CardSubmissionOutcome.Replayed)
                activity?.SetTag("snapmagic.card.replayed", true);
            return submission;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }
}
