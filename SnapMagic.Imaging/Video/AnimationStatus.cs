namespace SnapMagic.Imaging.Video;

/// <summary>An animation's state: <see cref="InProgress"/>, <see cref="Completed"/> with where the video is, or <see cref="Failed"/>.</summary>
public abstract record AnimationStatus
{
    public static AnimationStatus InProgress { get; } = new Running();

    private AnimationStatus() { }

    private sealed record Running : AnimationStatus;

    /// <param name="VideoLocation">An <c>s3://</c> URI (Bedrock) or a file path (the local adapter).</param>
    /// <param name="ContentType">The video's media type: <c>video/mp4</c> from Bedrock, <c>image/webp</c> locally.</param>
    public sealed record Completed(string VideoLocation, string ContentType) : AnimationStatus;

    /// <param name="Reason">A sentence an attendee can read.</param>
    /// <param name="Detail">What the model said, for the log.</param>
    public sealed record Failed(string Reason, string Detail) : AnimationStatus;
}
