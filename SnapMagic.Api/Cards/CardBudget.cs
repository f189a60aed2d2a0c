namespace SnapMagic.Api.Cards;

/// <summary>The event's card budget (0: no limit) and its use in the current minute and UTC day.</summary>
public sealed record CardBudget(int PerMinute, int Daily, long UsedThisMinute, long UsedToday);
