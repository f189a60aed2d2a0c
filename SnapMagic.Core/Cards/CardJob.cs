namespace SnapMagic.Cards;

/// <summary>One attendee's card request as the job store keeps it. The store is the source of truth.</summary>
public sealed record CardJob
{
    public required string CorrelationId { get; init; }
    public required string SessionId { get; init; }
    public required string Prompt { get; init; }
    public required CardStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>Image store key of the finished PNG: <c>cards/{sessionId}/{correlationId}.png</c>.</summary>
    public string? ImageKey { get; init; }
    /// <summary>Why the card failed, in words an attendee can read.</summary>
    public string? Error { get; init; }
    public string? IdempotencyKey { get; init; }
    /// <summary>The owner's thumbs up or down, once the card is completed.</summary>
    public CardRating? Rating { get; init; }
    /// <summary>How <see cref="Rating"/> was given; set with it.</summary>
    public RatingSource? RatingSource { get; init; }
    /// <summary>The card's animation, once its owner asked for one.</summary>
    public CardAnimation? Animation { get; init; }

    public static string ImageKeyFor(string sessionId, string correlationId) => $"cards/{sessionId}/{correlationId}.png";

    /// <summary>The name a downloaded card is saved under: <c>snapmagic-card-{first 8 of the id}.png</c>.</summary>
    public static string DownloadFileName(string correlationId) => $"snapmagic-card-{correlationId[..Math.Min(8, correlationId.Length)]}.png";
}
