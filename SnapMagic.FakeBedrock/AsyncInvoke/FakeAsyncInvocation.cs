namespace SnapMagic.FakeBedrock;

/// <summary>One invocation the fake accepted: what it was asked and where it stands.</summary>
public sealed class FakeAsyncInvocation
{
    public required string InvocationArn { get; init; }
    public required string ClientRequestToken { get; init; }
    public required string ModelId { get; init; }
    /// <summary>The invocation's own folder: the requested s3Uri plus the invocation id, as Bedrock answers it.</summary>
    public required string OutputS3Uri { get; init; }
    public required DateTimeOffset SubmitTime { get; init; }
    public string Status { get; internal set; } = "InProgress";
    public string? FailureMessage { get; internal set; }
    public DateTimeOffset? EndTime { get; internal set; }
    public int Polls { get; internal set; }

    /// <summary>What the start asked for (model, input, output), to tell a repeated start from another request under the same token.</summary>
    internal string RequestFingerprint { get; init; } = "";
    internal FakeAsyncInvokeOutcome Outcome { get; init; } = null!;
    /// <summary>The video's bytes, drawn in the background from the request while the test polls.</summary>
    internal Task<byte[]> Video { get; init; } = null!;
}
