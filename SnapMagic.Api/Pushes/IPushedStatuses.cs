using SnapMagic.Cards;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Pushes;

/// <summary>
/// The furthest state pushed for each recent card (and feedback item), so every state reaches its browser once: a worker
/// that re-announces a finished card (it found the card finished on a redelivered message, because the worker before it
/// died between the status write and its notice) or two copies of one message never push twice. A state is a rank
/// (<see cref="Rank(CardStatus, CardAnimationStatus?)"/>): a card's animation ranks past its completion, so an animation's
/// changes are pushed while the card stays completed. One Api keeps it in memory (<see cref="PushedStatuses"/>); replicas
/// share it in Redis (ScaleOut's RedisPushedStatuses).
/// </summary>
internal interface IPushedStatuses
{
    /// <summary>True when <paramref name="rank"/> is further than anything pushed for <paramref name="key"/> so far (and records it).</summary>
    Task<bool> TryClaimAsync(string key, int rank, CancellationToken cancellationToken);

    /// <summary>
    /// Queued, processing, then finished (completed and failed are equally far: a card ends once); then, for a completed
    /// card, its animation queued, processing and finished the same way.
    /// </summary>
    static int Rank(CardStatus status, CardAnimationStatus? animation = null) => animation switch
    {
        null => status switch
        {
            CardStatus.Queued => 0,
            CardStatus.Processing => 1,
            _ => 2,
        },
        CardAnimationStatus.Queued => 3,
        CardAnimationStatus.Processing => 4,
        _ => 5,
    };

    /// <summary>Queued, processing, then finished, as for cards.</summary>
    static int Rank(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Queued => 0,
        FeedbackStatus.Processing => 1,
        _ => 2,
    };

    /// <summary>A feedback item's key, apart from cards' (both ids are <see cref="CorrelationIds"/>).</summary>
    static string FeedbackKey(string feedbackId) => "feedback:" + feedbackId;
}

internal static class PushedStatusesExtensions
{
    /// <summary>Claims the card's state as the store has it now: its status and, once it has one, its animation's.</summary>
    public static Task<bool> TryClaimAsync(this IPushedStatuses pushed, CardJob job, CancellationToken cancellationToken) =>
        pushed.TryClaimAsync(job.CorrelationId, job.Status, job.Animation?.Status, cancellationToken);

    public static Task<bool> TryClaimAsync(this IPushedStatuses pushed, string correlationId, CardStatus status, CardAnimationStatus? animation,
        CancellationToken cancellationToken) =>
        pushed.TryClaimAsync(correlationId, IPushedStatuses.Rank(status, animation), cancellationToken);

    public static Task<bool> TryClaimFeedbackAsync(this IPushedStatuses pushed, string feedbackId, FeedbackStatus status, CancellationToken cancellationToken) =>
        pushed.TryClaimAsync(IPushedStatuses.FeedbackKey(feedbackId), IPushedStatuses.Rank(status), cancellationToken);
}
