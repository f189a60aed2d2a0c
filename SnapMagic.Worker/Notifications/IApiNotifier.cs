namespace SnapMagic.Worker.Notifications;

/// <summary>
/// Tells the Api that a card's status changed, so its hub pushes the card to the browser that asked for it.
/// Best effort: the job store is authoritative and clients also poll, so a failed notice never fails a card.
/// </summary>
public interface IApiNotifier
{
    Task CardChangedAsync(string correlationId, CancellationToken cancellationToken = default);
}
