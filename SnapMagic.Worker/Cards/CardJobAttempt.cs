namespace SnapMagic.Worker.Cards;

/// <summary>One try at a card: which card, the how-manyth try, and whether it is the last one allowed.</summary>
public sealed record CardJobAttempt(string CorrelationId, int Number, bool IsLast);
