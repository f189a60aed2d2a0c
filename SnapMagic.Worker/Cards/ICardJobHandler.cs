namespace SnapMagic.Worker.Cards;

/// <summary>Works one try at a card (<see cref="CardJobHandler"/>); the <see cref="CardMessageManager"/> settles the message from its result.</summary>
public interface ICardJobHandler
{
    /// <summary>
    /// Returns the card's resolution for its own trouble. Throws when a store fails (the card stays open for a
    /// later try) and when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task<CardJobResult> HandleAsync(CardJobAttempt attempt, CancellationToken cancellationToken);
}
