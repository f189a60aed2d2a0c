using SnapMagic.Cards;
using SnapMagic.Feedback;

namespace SnapMagic.Worker.Notifications;

/// <summary>
/// Tells the Api that a card's status changed, so its hub pushes the card to the browser that asked for it.
/// Best effort: the job store is authoritative and clients also poll, so a failed notice never fails a card.
/// </summary>
public interface IApiNotifier
{
    /// <param name="status">The status this worker just wrote: the Api pushes only while the store still says so, so a
    /// late notice (a redelivered copy's "processing" after another copy completed the card) never pushes a second
    /// "completed".</param>
    Task CardChangedAsync(string correlationId, CardStatus status, CancellationToken cancellationToken = default);

    /// <summary>A completed card's animation changed: the Api pushes the card (with its animation) while the store still says <paramref name="animation"/>.</summary>
    Task AnimationChangedAsync(string correlationId, CardAnimationStatus animation, CancellationToken cancellationToken = default);
    /// <summary>Like <see cref="CardChangedAsync"/> for an attendee's feedback: the Api pushes <c>FeedbackUpdated</c> to its owner.</summary>
    Task FeedbackChangedAsync(string feedbackId, FeedbackStatus status, CancellationToken cancellationToken = default);
}
