using SnapMagic.Cards;
using SnapMagic.Statistics;

namespace SnapMagic.Storage;

/// <summary>
/// Where every card's status lives; the source of truth for pushes and for the status endpoint.
/// Every status change is a conditional write that follows <see cref="CardStatusExtensions.CanMoveTo"/>:
/// the Try* methods return the updated job, or null when the card is missing or the move is not allowed
/// (so a redelivered message can never turn a completed card back).
/// </summary>
public interface IJobStore
{
    const int MaxQueuedAhead = 1000;

    /// <summary>
    /// Stores a new queued job. When the session already has a job with the same idempotency key, stores
    /// nothing and returns that job with <c>Created = false</c>.
    /// </summary>
    Task<(CardJob Job, bool Created)> CreateAsync(CardJob job, CancellationToken cancellationToken = default);

    Task<CardJob?> GetAsync(string correlationId, CancellationToken cancellationToken = default);

    /// <summary>The session's cards, newest first.</summary>
    Task<IReadOnlyList<CardJob>> ListBySessionAsync(string sessionId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many queued cards were created before <paramref name="job"/> (its place in the line), counted up to
    /// <see cref="MaxQueuedAhead"/> so the cost stays bounded with a long backlog, or null when the store cannot tell
    /// cheaply. An answer is a hint for the attendee, not a promise about the order of work.
    /// </summary>
    Task<long?> CountQueuedAheadAsync(CardJob job, CancellationToken cancellationToken = default);

    /// <summary>queued | processing → processing.</summary>
    Task<CardJob?> TryStartAsync(string correlationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>processing → completed.</summary>
    Task<CardJob?> TryCompleteAsync(string correlationId, string imageKey, DateTimeOffset completedAt, CancellationToken cancellationToken = default);

    /// <summary>queued | processing → failed.</summary>
    Task<CardJob?> TryFailAsync(string correlationId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets (or changes) the rating of a completed card and how it was given; null when the card is missing or not completed.
    /// Owners are checked by the caller, as for reads.
    /// </summary>
    Task<CardJob?> TryRateAsync(string correlationId, CardRating rating, RatingSource source = RatingSource.Button, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives a completed card its animation, <see cref="CardAnimationStatus.Queued"/>, unless it has one: then stores nothing
    /// and returns the card with its animation as it is (<c>Created = false</c>; a failed animation stays failed). Null when
    /// the card is missing or not completed. Owners are checked by the caller.
    /// </summary>
    Task<(CardJob Job, bool Created)?> TryRequestAnimationAsync(string correlationId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Animation queued → processing with the video model's handle. Also answers (without a write) when the animation is
    /// processing already: the caller then uses the stored <see cref="CardAnimation.InvocationId"/>, so a redelivered start
    /// never starts a second video. Null when there is no animation or it is finished.
    /// </summary>
    Task<CardJob?> TryStartAnimationAsync(string correlationId, string invocationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>Animation processing → completed, with the video's key and media type.</summary>
    Task<CardJob?> TryCompleteAnimationAsync(string correlationId, string videoKey, string videoContentType, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>Animation queued | processing → failed.</summary>
    Task<CardJob?> TryFailAnimationAsync(string correlationId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// The event's figures for the organizer, with cards completed per minute in the minutes from
    /// <paramref name="since"/> (a minute's start) to <paramref name="until"/>, at most 100 minutes.
    /// Costs about the same however many cards the event has: aggregates over indexes or counters, never reading every card.
    /// </summary>
    Task<EventStatistics> GetStatisticsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Every card of the event, oldest first (the organizer's CSV export).</summary>
    IAsyncEnumerable<CardJob> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The event's latest completed cards, newest first.</summary>
    Task<IReadOnlyList<CardJob>> ListLatestCompletedAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Answers when the store is reachable (readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
