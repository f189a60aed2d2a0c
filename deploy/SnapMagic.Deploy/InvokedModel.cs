namespace SnapMagic.Deploy;

/// <summary>
/// A Bedrock text model the worker calls with InvokeModel (the spoken review's transcription, the feedback's sentiment):
/// the id the worker sends, which is either a foundation model (<c>amazon.nova-2-lite-v1:0</c>) or a cross-Region
/// inference profile (<c>us.amazon.nova-2-lite-v1:0</c>, its geography first), and what IAM must allow for it.
/// </summary>
public sealed record InvokedModel(string FoundationModelId, string? InferenceProfileGeography)
{
    /// <summary>Amazon Nova 2 Omni through the US profile, as the image family calls it; it accepts audio content blocks.</summary>
    public const string DefaultSpeechModel = "us.amazon.nova-2-omni-v1:0";

    /// <summary>Amazon Nova 2 Lite: the Nova 2 user guide lists it only as profiles (<c>global.</c> and <c>us.</c>).</summary>
    public const string DefaultSentimentModel = "us.amazon.nova-2-lite-v1:0";

    /// <summary>What the worker's <c>ModelId</c> setting is set to.</summary>
    public string InvokedModelId => InferenceProfileGeography is { } geography ? $"{geography}.{FoundationModelId}" : FoundationModelId;

    /// <param name="option">The option's name, for the message when <paramref name="modelId"/> is not a model id.</param>
    public static InvokedModel Parse(string modelId, string option)
    {
        if (string.IsNullOrWhiteSpace(modelId) || modelId.Any(char.IsWhiteSpace) || modelId.Contains('*', StringComparison.Ordinal) || !modelId.Contains('.', StringComparison.Ordinal))
            throw new ArgumentException($"--{option} must be a Bedrock model or inference profile id such as us.amazon.nova-2-lite-v1:0; it is '{modelId}'.");
        var geography = ImageModelChoice.Geographies.FirstOrDefault(prefix => modelId.StartsWith(prefix + ".", StringComparison.Ordinal));
        return geography is null
            ? new InvokedModel(modelId, null)
            : new InvokedModel(modelId[(geography.Length + 1)..], geography);
    }
}
