namespace SnapMagic.Deploy;

/// <summary>
/// The one Bedrock image model the event's worker may call: the family (the request shape the worker speaks,
/// <c>ImageModel:Bedrock:Family</c>), the foundation model, and the cross-Region inference profile it is called
/// through, if any. A video model (asynchronous invocation, output written to S3) would be another choice here with
/// its own actions (<c>bedrock:StartAsyncInvoke</c>, <c>bedrock:GetAsyncInvoke</c>) and an S3 output prefix; none is built.
/// </summary>
public sealed record ImageModelChoice(string Family, string FoundationModelId, string? InferenceProfileGeography, string? Region)
{
    public static readonly IReadOnlyDictionary<string, string> DefaultFoundationModels = new Dictionary<string, string>
    {
        ["Nova2Omni"] = "amazon.nova-2-omni-v1:0",
        ["NovaCanvas"] = "amazon.nova-canvas-v1:0",
        ["StabilityInpaint"] = "stability.stable-image-inpaint-v1:0",
    };

    public static readonly IReadOnlyList<string> Geographies = ["us", "eu", "apac", "global"];

    /// <summary>What <c>ImageModel:Bedrock:ModelId</c> is set to: the inference profile's id, or the model's.</summary>
    public string InvokedModelId => InferenceProfileGeography is { } geography ? $"{geography}.{FoundationModelId}" : FoundationModelId;

    public static ImageModelChoice Create(string? family, string? modelId, string? inferenceProfile, string? region)
    {
        family ??= "Nova2Omni";
        var knownFamily = DefaultFoundationModels.Keys.FirstOrDefault(known => string.Equals(known, family, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--model must be one of {string.Join(", ", DefaultFoundationModels.Keys)}; it is '{family}'.");

        var foundationModel = modelId ?? DefaultFoundationModels[knownFamily];
        if (Geographies.Any(geography => foundationModel.StartsWith(geography + ".", StringComparison.Ordinal)))
            throw new ArgumentException($"--model-id is the foundation model without its geography ('{foundationModel}'): give the geography as --inference-profile.");

        string? geography = (inferenceProfile ?? (knownFamily == "NovaCanvas" ? "none" : "us")).ToLowerInvariant();
        if (geography == "none")
            geography = null;
        else if (!Geographies.Contains(geography))
            throw new ArgumentException($"--inference-profile must be one of {string.Join(", ", Geographies)} or none; it is '{inferenceProfile}'.");

        return new ImageModelChoice(knownFamily, foundationModel, geography, region);
    }
}
