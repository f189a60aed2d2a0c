namespace SnapMagic.FakeBedrock;

/// <summary>What the fake saw of one InvokeModel or Converse request (recorded whether or not it was valid).</summary>
public sealed record FakeBedrockRequest
{
    public required string RawPath { get; init; }
    public string? ModelId { get; init; }
    /// <summary>Which request shape the fake checked it against (from the path and model id).</summary>
    public SnapMagic.Imaging.Bedrock.BedrockModelFamily Family { get; init; }
    public string? Authorization { get; init; }
    public string? TaskType { get; init; }
    /// <summary>The prompt: Nova Canvas' and Stability's text, the user message's text for Converse (the transcription instruction, the sentiment question with the feedback).</summary>
    public string? Text { get; init; }
    public string? NegativeText { get; init; }
    public long? Seed { get; init; }
    public string? Quality { get; init; }
    public double? CfgScale { get; init; }
    public int? ImageWidth { get; init; }
    public int? ImageHeight { get; init; }
    /// <summary>How many pixels the mask marks for repainting (black for Nova Canvas, white for Stability).</summary>
    public int? MaskedPixels { get; init; }
    /// <summary>Stability's <c>output_format</c>; Converse's image block <c>format</c> for Nova 2 Omni.</summary>
    public string? ImageFormat { get; init; }
    /// <summary>Painting, or a feedback model's task (then <see cref="Family"/> means nothing).</summary>
    public FakeModelTask ModelTask { get; init; }
    /// <summary>Converse's audio block <c>format</c> (transcription).</summary>
    public string? AudioFormat { get; init; }
    /// <summary>How many bytes of audio the audio block carried (transcription).</summary>
    public int? AudioBytes { get; init; }
    /// <summary>Why the request was refused with a ValidationException; empty when it passed every check.</summary>
    public IReadOnlyList<string> ValidationFailures { get; init; } = [];
}
