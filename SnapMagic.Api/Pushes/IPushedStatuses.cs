using SnapMagic.Cards;

namespace SnapMagic.Api.Pushes;

/// <summary>
/// The furthest status pushed for each recent card, so every status reaches a card's browser once: a worker that
/// re-announces a finished card (it found the card finished on a redelivered message, because the worker before it
/// died between the status write and its notice) or two copies of one message never push twice. One Api keeps it
/// in memory (<see cref="PushedStatuses"/>); replicas share it in Redis (ScaleOut's RedisPushedStatuses).
/// </summary>
internal interface IPushedStatuses
{
    /// <summary>True when <paramref name="status"/> is further than anything pushed for the card so far (and records it).</summary>
    Task<bool> TryClaimAsync(string correlationId, CardStatus status, CancellationToken cancellationToken);

    /// <summary>Queued, processing, then finished (completed and failed are equally far: a card ends once).</summary>
    static int Rank(CardStatus status) => status switch
    {
        CardStatus.Queued => 0,
        CardStatus.Processing => 1,
        _ => 2,
    };
}
