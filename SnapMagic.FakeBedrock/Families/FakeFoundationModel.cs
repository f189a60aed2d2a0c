namespace SnapMagic.FakeBedrock;

/// <summary>What the fake's GetFoundationModel says about one model: <c>ACTIVE</c> or <c>LEGACY</c>, and its dates.</summary>
public sealed record FakeFoundationModel(string Status = "ACTIVE", DateTimeOffset? LegacyTime = null, DateTimeOffset? EndOfLifeTime = null)
{
    public static FakeFoundationModel Active { get; } = new();

    public static FakeFoundationModel Legacy(DateTimeOffset endOfLife) => new("LEGACY", endOfLife.AddMonths(-6), endOfLife);
}
