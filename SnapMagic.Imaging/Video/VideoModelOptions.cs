namespace SnapMagic.Imaging.Video;

/// <summary>Section <c>VideoModel</c>: <c>Provider</c> <c>Local</c> (default) or <c>Bedrock</c> (<c>VideoModel:Bedrock</c>).</summary>
public sealed class VideoModelOptions
{
    public const string Section = "VideoModel";

    public string Provider { get; set; } = "Local";
    public LocalVideoModelOptions Local { get; set; } = new();
}

public sealed class LocalVideoModelOptions
{
    /// <summary>Where the animations are written; the embedded backend's data folder is the natural home.</summary>
    public string OutputDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "snapmagic-animations");
}
