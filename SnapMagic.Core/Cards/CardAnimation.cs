namespace SnapMagic.Cards;

/// <summary>
/// A card's animation as the job store keeps it, beside the card. One per card: asking again returns this one, and a
/// failed animation stays failed (its reason shown), so a card never costs more than one video.
/// </summary>
public sealed record CardAnimation
{
    public required CardAnimationStatus Status { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When it completed or failed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The video model's handle of the started animation (Bedrock's invocation ARN), once started.</summary>
    public string? InvocationId { get; init; }
    /// <summary>The finished video's key in the event's blob store (the image store).</summary>
    public string? VideoKey { get; init; }
    /// <summary><c>video/mp4</c> or <c>image/webp</c>.</summary>
    public string? VideoContentType { get; init; }
    /// <summary>Why it failed, in words an attendee can read.</summary>
    public string? Error { get; init; }

    /// <summary>Where a video the worker stores itself goes: <c>animations/{sessionId}/{correlationId}.{extension}</c>.</summary>
    public static string VideoKeyFor(string sessionId, string correlationId, string extension) =>
        $"animations/{sessionId}/{correlationId}.{extension}";

    /// <summary>The name a downloaded animation is saved under: <c>snapmagic-card-{first 8 of the id}.mp4</c> (or <c>.webp</c>).</summary>
    public static string DownloadFileName(string correlationId, string contentType) =>
        $"snapmagic-card-{correlationId[..Math.Min(8, correlationId.Length)]}.{(contentType == "image/webp" ? "webp" : "mp4")}";
}
