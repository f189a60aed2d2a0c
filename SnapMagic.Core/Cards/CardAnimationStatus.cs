using System.Text.Json.Serialization;

namespace SnapMagic.Cards;

/// <summary>A card animation's life: queued → processing → completed | failed. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardAnimationStatus>))]
public enum CardAnimationStatus
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("processing")] Processing,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

public static class CardAnimationStatusExtensions
{
    public static string ToWireName(this CardAnimationStatus status) => status switch
    {
        CardAnimationStatus.Queued => "queued",
        CardAnimationStatus.Processing => "processing",
        CardAnimationStatus.Completed => "completed",
        CardAnimationStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseWireName(string? name, out CardAnimationStatus status)
    {
        foreach (var candidate in Enum.GetValues<CardAnimationStatus>())
        {
            if (candidate.ToWireName() == name)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static bool IsTerminal(this CardAnimationStatus status) => status is CardAnimationStatus.Completed or CardAnimationStatus.Failed;
}
