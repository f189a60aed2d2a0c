using System.Text.Json.Serialization;

namespace SnapMagic.Cards;

/// <summary>A card's life: queued → processing → completed | failed. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardStatus>))]
public enum CardStatus
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("processing")] Processing,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

public static class CardStatusExtensions
{
    public static string ToWireName(this CardStatus status) => status switch
    {
        CardStatus.Queued => "queued",
        CardStatus.Processing => "processing",
        CardStatus.Completed => "completed",
        CardStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseWireName(string? name, out CardStatus status)
    {
        foreach (var candidate in Enum.GetValues<CardStatus>())
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

    public static bool IsTerminal(this CardStatus status) => status is CardStatus.Completed or CardStatus.Failed;

    /// <summary>
    /// The moves a job store allows. Processing → processing is allowed because a redelivered message
    /// (the previous worker died mid-call) starts the card again; terminal states never move.
    /// </summary>
    public static bool CanMoveTo(this CardStatus from, CardStatus to) => (from, to) switch
    {
        (CardStatus.Queued, CardStatus.Processing) => true,
        (CardStatus.Processing, CardStatus.Processing) => true,
        (CardStatus.Processing, CardStatus.Completed) => true,
        (CardStatus.Queued, CardStatus.Failed) => true,
        (CardStatus.Processing, CardStatus.Failed) => true,
        _ => false,
    };
}
