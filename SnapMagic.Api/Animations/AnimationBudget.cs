namespace SnapMagic.Api.Animations;

/// <summary>The event's animation budget (0: no limit) and its use in the current hour and UTC day.</summary>
public sealed record AnimationBudget(int PerHour, int Daily, long UsedThisHour, long UsedToday);
