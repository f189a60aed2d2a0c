namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// Section <c>ImageModel:Bedrock</c>. The Bedrock region and model id are configuration, apart from the data
/// region: models are offered (and retired) per region.
/// </summary>
public sealed class BedrockOptions
{
    public const string Section = "ImageModel:Bedrock";

    public string Region { get; set; } = "us-east-1";
    /// <summary>
    /// The request and response shape: <c>Nova2Omni</c> (default: Active), <c>NovaCanvas</c> (Legacy, end of life
    /// 2026-09-30) or <c>StabilityInpaint</c>.
    /// </summary>
    public BedrockModelFamily Family { get; set; } = BedrockModelFamilies.Default;
    /// <summary>A model or inference profile id; unset means the <see cref="Family"/>'s default.</summary>
    public string ModelId { get => field ?? Family.DefaultModelId(); set; }
    /// <summary>Overrides <c>https://bedrock-runtime.{Region}.amazonaws.com</c> (a local fake, a VPC endpoint).</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>Overrides the control plane <c>https://bedrock.{Region}.amazonaws.com</c> the start-up lifecycle check asks.</summary>
    public string? ControlPlaneUrl { get; set; }
    /// <summary>Ask the control plane about the model at start-up (a warning or error in the log; never blocks start-up).</summary>
    public bool CheckLifecycleAtStartup { get; set; } = true;
    /// <summary>Nova Canvas: <c>standard</c> or <c>premium</c>.</summary>
    public string Quality { get; set; } = "premium";
    /// <summary>Nova Canvas: how strictly the picture follows the prompt, 1.1-10.</summary>
    public double CfgScale { get; set; } = 6.5;
    /// <summary>
    /// A fixed seed (clamped to the family's range: Nova Canvas 0..858993459, Stability 0..4294967294; Nova 2 Omni
    /// takes none); when unset each prompt gets its own stable seed.
    /// </summary>
    public int? Seed { get; set; }
    /// <summary>What the picture should avoid; empty sends none.</summary>
    public string? NegativeText { get; set; } = "text, letters, watermark, signature, blurry, low quality";
    /// <summary>HttpClient timeout per call; the worker's own attempt timeout usually fires first.</summary>
    public int TimeoutSeconds { get; set; } = 90;

    public Uri ResolveServiceUrl() => ResolveUrl(ServiceUrl, "bedrock-runtime");

    /// <summary>
    /// A runtime on loopback is a local fake, and a machine that talks to one must not reach out to AWS's control
    /// plane either: unless <see cref="ControlPlaneUrl"/> says otherwise, the fake answers both.
    /// </summary>
    public Uri ResolveControlPlaneUrl() =>
        string.IsNullOrWhiteSpace(ControlPlaneUrl) && Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var runtime) && runtime.IsLoopback
            ? ResolveUrl(ServiceUrl, "bedrock")
            : ResolveUrl(ControlPlaneUrl, "bedrock");

    private Uri ResolveUrl(string? configured, string endpointPrefix) =>
        string.IsNullOrWhiteSpace(configured) ? new Uri($"https://{endpointPrefix}.{Region}.amazonaws.com/") : new Uri(configured.TrimEnd('/') + "/");
}
