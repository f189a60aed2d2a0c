namespace SnapMagic.Aws.Bedrock;

/// <summary>
/// Section <c>ImageModel:Bedrock</c>. The Bedrock region and model id are configuration, apart from the data
/// region: models are offered (and retired) per region.
/// </summary>
public sealed class BedrockOptions
{
    public const string Section = "ImageModel:Bedrock";

    public string Region { get; set; } = "us-east-1";
    public string ModelId { get; set; } = "amazon.nova-canvas-v1:0";
    /// <summary>Overrides <c>https://bedrock-runtime.{Region}.amazonaws.com</c> (a local fake, a VPC endpoint).</summary>
    public string? ServiceUrl { get; set; }
    /// <summary><c>standard</c> or <c>premium</c>.</summary>
    public string Quality { get; set; } = "premium";
    /// <summary>How strictly the picture follows the prompt, 1.1-10.</summary>
    public double CfgScale { get; set; } = 6.5;
    /// <summary>A fixed seed 0..858993459; when unset each prompt gets its own stable seed.</summary>
    public int? Seed { get; set; }
    /// <summary>What the picture should avoid; empty sends none.</summary>
    public string? NegativeText { get; set; } = "text, letters, watermark, signature, blurry, low quality";
    /// <summary>HttpClient timeout per call; the worker's own attempt timeout usually fires first.</summary>
    public int TimeoutSeconds { get; set; } = 90;

    public Uri ResolveServiceUrl() =>
        string.IsNullOrWhiteSpace(ServiceUrl) ? new Uri($"https://bedrock-runtime.{Region}.amazonaws.com/") : new Uri(ServiceUrl.TrimEnd('/') + "/");
}
