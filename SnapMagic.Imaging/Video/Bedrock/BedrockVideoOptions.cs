using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.Imaging.Video.Bedrock;

/// <summary>Section <c>VideoModel:Bedrock</c>: which video family, where it runs and where Bedrock writes the videos.</summary>
public sealed class BedrockVideoOptions
{
    public const string Section = "VideoModel:Bedrock";

    public BedrockVideoFamily Family { get; set; } = BedrockVideoFamilies.Default;
    /// <summary>Unset: the family's default model.</summary>
    public string ModelId { get => field ?? Family.DefaultModelId(); set; }
    /// <summary>Unset: the region the family's model is offered in.</summary>
    public string Region { get => field ?? Family.DefaultRegion(); set; }
    /// <summary>The event's bucket: Bedrock writes <c>{invocation id}/output.mp4</c> under <c>s3://{OutputBucket}/{OutputPrefix}{correlation id}/</c>.</summary>
    public string? OutputBucket { get; set; }
    public string OutputPrefix { get; set; } = "animations/";
    /// <summary>Overrides <c>https://bedrock-runtime.{Region}.amazonaws.com</c> (a local fake).</summary>
    public string? ServiceUrl { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>Luma Ray 2: <c>540p</c> or <c>720p</c>.</summary>
    public string LumaResolution { get; set; } = "720p";
    /// <summary>Luma Ray 2: <c>5s</c> or <c>9s</c>.</summary>
    public string LumaDuration { get; set; } = "5s";

    /// <summary>The S3 folder for one card's animation.</summary>
    public string OutputS3Uri(string correlationId) =>
        string.IsNullOrWhiteSpace(OutputBucket)
            ? throw new InvalidOperationException($"{Section}:OutputBucket is not set: Bedrock needs a bucket to write the video to.")
            : $"s3://{OutputBucket}/{OutputPrefix}{correlationId}/";

    internal BedrockOptions ToRuntimeOptions() => new() { Region = Region, ServiceUrl = ServiceUrl, TimeoutSeconds = TimeoutSeconds };
}
