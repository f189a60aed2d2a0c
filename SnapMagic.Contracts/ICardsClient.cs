namespace SnapMagic.Contracts;

/// <summary>What the cards hub sends to a connection (the typed hub's client).</summary>
public interface ICardsClient
{
    /// <summary>A card the connection subscribed to changed; the view is the card as <c>GET /api/cards/{id}</c> shows it.</summary>
    Task CardUpdated(CardView card);

    /// <summary>Feedback the connection subscribed to changed; the view is what <c>GET /api/feedback/{id}</c> shows.</summary>
    Task FeedbackUpdated(FeedbackView feedback);
}
