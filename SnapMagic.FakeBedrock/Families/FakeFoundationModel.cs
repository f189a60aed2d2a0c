namespace SnapMagic.FakeBedrock;

/// <summary>What the fake's GetFoundationModel says about one model: <c>ACTIVE</c> or <c>LEGACY</c>, and its dates.</summary>
public sealed record FakeFoundationModel(string Status = "ACTIVE", DateTimeOffset? LegacyTime = null, DateTimeOffset? EndOfLifeTime = null)
{
    public static FakeFoundationModel Active { get; } = new();

    /// <summary>Nova Canvas and Nova Reel as public pages report them: LEGACY, end of life 2026-09-30.</summary>
    public static FakeFoundationModel ReportedLegacy { get; } = new("LEGACY", EndOfLifeTime: new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));

    public static FakeFoundationModel Legacy(DateTimeOffset endOfLife) => new("LEGACY", endOfLife.AddMonths(-6), endOfLife);
}
