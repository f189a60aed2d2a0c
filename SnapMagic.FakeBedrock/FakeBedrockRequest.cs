namespace SnapMagic.FakeBedrock;

/// <summary>What the fake saw of one InvokeModel request (recorded whether or not it was valid).</summary>
public sealed record FakeBedrockRequest
{
    public required string RawPath { get; init; }
    public string? ModelId { get; init; }
    public string? Authorization { get; init; }
    public string? TaskType { get; init; }
    public string? Text { get; init; }
    public string? NegativeText { get; init; }
    public int? Seed { get; init; }
    public string? Quality { get; init; }
    public double? CfgScale { get; init; }
    public int? ImageWidth { get; init; }
    public int? ImageHeight { get; init; }
    /// <summary>Why the request was refused with a ValidationException; empty when it passed every check.</summary>
    public IReadOnlyList<string> ValidationFailures { get; init; } = [];
}
