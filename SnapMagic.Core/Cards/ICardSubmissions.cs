namespace SnapMagic.Cards;

/// <summary>
/// Accepting a card: its job stored as queued and its message on the job queue, or, for a session's repeated
/// idempotency key, the earlier job and nothing new. Each backend does it as atomically as its stores allow.
/// </summary>
public interface ICardSubmissions
{
    /// <summary>What a failed card says when its message could not be queued.</summary>
    const string QueueFailedMessage = "The card could not be queued; please try again.";

    /// <summary>
    /// Stores <paramref name="job"/> and sends its <see cref="JobMessage"/> with <paramref name="messageAttributes"/>
    /// (the correlation id and the trace context). Throws when nothing could be stored.
    /// </summary>
    Task<CardSubmission> SubmitAsync(CardJob job, IReadOnlyDictionary<string, string> messageAttributes, CancellationToken cancellationToken = default);
}

public enum CardSubmissionOutcome
{
    /// <summary>The job was stored and its message queued.</summary>
    Queued,
    /// <summary>The session already sent this idempotency key: the earlier job, nothing new.</summary>
    Replayed,
    /// <summary>The job was stored, the queue refused its message, and the job was marked failed with <see cref="ICardSubmissions.QueueFailedMessage"/>.</summary>
    QueueRefused,
}

/// <param name="Job">The job as stored: the new one, the earlier one (replayed) or the failed one (queue refused).</param>
public sealed record CardSubmission(CardSubmissionOutcome Outcome, CardJob Job);
