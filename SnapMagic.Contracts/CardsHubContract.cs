namespace SnapMagic.Contracts;

/// <summary>
/// The cards hub: where it is and what a client may call. <c>Subscribe</c> answers the card's current
/// <see cref="CardView"/>; from then on the connection gets <see cref="ICardsClient.CardUpdated"/> for it.
/// </summary>
public static class CardsHubContract
{
    public const string Path = "/hubs/cards";
    public const string Subscribe = "Subscribe";
    public const string Unsubscribe = "Unsubscribe";
    /// <summary>Like <see cref="Subscribe"/> for the session's own feedback: answers its <see cref="FeedbackView"/>, then <see cref="FeedbackUpdated"/> follows.</summary>
    public const string SubscribeFeedback = "SubscribeFeedback";

    /// <summary>The event's name on the wire (JavaScript clients match it case-insensitively, .NET clients exactly).</summary>
    public const string CardUpdated = nameof(ICardsClient.CardUpdated);
    public const string FeedbackUpdated = nameof(ICardsClient.FeedbackUpdated);

    public const int MaxSubscriptionsPerConnection = 100;
}
