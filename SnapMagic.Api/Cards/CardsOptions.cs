namespace SnapMagic.Api.Cards;

/// <summary>Section <c>Cards</c>: how many cards may be asked for (each limit: 0 turns it off).</summary>
public sealed class CardsOptions
{
    public const string Section = "Cards";

    /// <summary>Card submits one session may make per minute.</summary>
    public int PerSessionPerMinute { get; set; } = 10;

    /// <summary>Card submits per minute from one client address: generous, since a booth's kiosks share one.</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>The event's budget: cards accepted per minute, all sessions together.</summary>
    public int EventPerMinute { get; set; } = 300;

    /// <summary>The event's budget: cards accepted per UTC day, all sessions together.</summary>
    public int EventPerDay { get; set; } = 10_000;
}
