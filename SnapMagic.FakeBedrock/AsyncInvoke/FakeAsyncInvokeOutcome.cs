namespace SnapMagic.FakeBedrock;

/// <summary>
/// How the fake's next StartAsyncInvoke goes (script them with <see cref="FakeBedrockServer.EnqueueAsyncInvoke"/>):
/// refused at once (429, 503), or accepted and then Completed or Failed after a number of GetAsyncInvoke polls.
/// </summary>
public abstract record FakeAsyncInvokeOutcome
{
    /// <summary>Accepted; Completed (output.mp4 written) on the <paramref name="afterPolls"/>-th GetAsyncInvoke (0: at once).</summary>
    public static FakeAsyncInvokeOutcome Complete(int afterPolls = 1) => new CompleteOutcome(afterPolls);

    /// <summary>Accepted; Failed with <paramref name="failureMessage"/> on the <paramref name="afterPolls"/>-th GetAsyncInvoke.</summary>
    public static FakeAsyncInvokeOutcome Fail(string failureMessage = "The model could not generate the video.", int afterPolls = 1) =>
        new FailOutcome(failureMessage, afterPolls);

    /// <summary>Accepted and never finishing while the test polls: a model that takes long.</summary>
    public static FakeAsyncInvokeOutcome TakeLong { get; } = new CompleteOutcome(int.MaxValue);

    /// <summary>Start refused with 429 ThrottlingException.</summary>
    public static FakeAsyncInvokeOutcome Throttled { get; } = new RefuseOutcome(FakeBedrockReply.Throttled);

    /// <summary>Start refused with 503 ServiceUnavailableException.</summary>
    public static FakeAsyncInvokeOutcome Unavailable { get; } = new RefuseOutcome(FakeBedrockReply.Unavailable);

    internal sealed record CompleteOutcome(int AfterPolls) : FakeAsyncInvokeOutcome;
    internal sealed record FailOutcome(string FailureMessage, int AfterPolls) : FakeAsyncInvokeOutcome;
    internal sealed record RefuseOutcome(FakeBedrockReply Reply) : FakeAsyncInvokeOutcome;
}
