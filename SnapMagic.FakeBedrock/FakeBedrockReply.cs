namespace SnapMagic.FakeBedrock;

/// <summary>What the fake answers to one request. Script a sequence with <see cref="FakeBedrockServer.Enqueue"/>.</summary>
public abstract record FakeBedrockReply
{
    /// <summary>200 with the input image, the masked area painted.</summary>
    public static FakeBedrockReply Success { get; } = new SuccessReply();

    /// <summary>429 ThrottlingException.</summary>
    public static FakeBedrockReply Throttled { get; } = new ErrorReply(429, "ThrottlingException", "Too many requests, please wait before trying again.");

    /// <summary>429 ModelNotReadyException.</summary>
    public static FakeBedrockReply ModelNotReady { get; } = new ErrorReply(429, "ModelNotReadyException", "Model is not ready for inference. Wait and try your request again.");

    /// <summary>500 InternalServerException.</summary>
    public static FakeBedrockReply InternalError { get; } = new ErrorReply(500, "InternalServerException", "The server encountered an internal error.");

    /// <summary>503 ServiceUnavailableException.</summary>
    public static FakeBedrockReply Unavailable { get; } = new ErrorReply(503, "ServiceUnavailableException", "Service is temporarily unavailable.");

    /// <summary>400 ValidationException unrelated to content.</summary>
    public static FakeBedrockReply Invalid(string message = "Malformed input request, please reformat your input and try again.") =>
        new ErrorReply(400, "ValidationException", message);

    /// <summary>400 ValidationException raised by the input content filter.</summary>
    public static FakeBedrockReply PromptBlocked { get; } = new ErrorReply(400, "ValidationException",
        "This request has been blocked by our content filters. Please adjust your text prompt to submit a new request.");

    /// <summary>200 with <c>error</c> set: the generated output was blocked.</summary>
    public static FakeBedrockReply OutputBlocked { get; } = new OutputBlockedReply(
        "The generated image has been blocked by our content filters. Please adjust your text prompt to submit a new request.");

    /// <summary>Waits <paramref name="delay"/> (or until the client gives up), then answers <paramref name="then"/>.</summary>
    public static FakeBedrockReply Slow(TimeSpan delay, FakeBedrockReply? then = null) => new SlowReply(delay, then ?? Success);

    /// <summary>
    /// 200 with a Converse text answer: the transcript a transcription request gets, or the word a sentiment request gets
    /// (any text: a test can send a word that is not positive, neutral or negative).
    /// </summary>
    public static FakeBedrockReply Answer(string text) => new TextReply(text);

    internal sealed record SuccessReply : FakeBedrockReply;
    internal sealed record TextReply(string Text) : FakeBedrockReply;
    internal sealed record ErrorReply(int StatusCode, string ErrorType, string Message) : FakeBedrockReply;
    internal sealed record OutputBlockedReply(string Error) : FakeBedrockReply;
    internal sealed record SlowReply(TimeSpan Delay, FakeBedrockReply Then) : FakeBedrockReply;
}
