using System.Text.Json.Serialization;

namespace SnapMagic.Contracts;

public sealed record CreateCardRequest(string? Prompt);

/// <param name="Rating"><c>up</c> or <c>down</c>.</param>
/// <param name="Source">How the attendee rated: <c>button</c> (the default when absent) or <c>gesture</c> (a thumb to the camera).</param>
public sealed record RateCardRequest(string? Rating, string? Source = null);

public sealed record CardAccepted(string CorrelationId, string Status);

/// <summary>A card as GET /api/cards/{id} and the hub's <c>cardUpdated</c> show it.</summary>
public sealed record CardView(
    string CorrelationId,
    string Status,
    string Prompt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? ImageUrl,
    string? Error)
{
    /// <summary>Cards ahead of this one while it is queued, when the Api can tell.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? QueuePosition { get; init; }

    /// <summary><c>up</c> or <c>down</c> once the owner rated the card.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Rating { get; init; }

    /// <summary><c>button</c> or <c>gesture</c>: how the rating was given, with <see cref="Rating"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RatingSource { get; init; }

    /// <summary>The card's animation once its owner asked for one (<c>POST /api/cards/{id}/animation</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardAnimationView? Animation { get; init; }
}

/// <summary>
/// A card's animation: <c>queued</c> → <c>processing</c> → <c>completed</c> (with <see cref="VideoUrl"/>) or <c>failed</c>
/// (with <see cref="Error"/>, a sentence an attendee can read).
/// </summary>
/// <param name="VideoUrl">A short-lived link that needs no header (an S3 presigned GET, or the Api's signed link).</param>
/// <param name="VideoContentType"><c>video/mp4</c> from Bedrock; <c>image/webp</c> (animated) from the local animator.</param>
public sealed record CardAnimationView(
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    string? VideoUrl,
    string? VideoContentType,
    string? Error);
