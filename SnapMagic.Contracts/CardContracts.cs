using System.Text.Json.Serialization;

namespace SnapMagic.Contracts;

public sealed record CreateCardRequest(string? Prompt);

public sealed record RateCardRequest(string? Rating);

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
}
