namespace SnapMagic.Api.Cards;

public sealed class CardsOptions
{
    public const string Section = "Cards";

    /// <summary>Card submits one session may make per minute; 0 turns the limit off.</summary>
    public int PerSessionPerMinute { get; set; } = 10;
}
