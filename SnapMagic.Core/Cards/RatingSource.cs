using System.Text.Json.Serialization;

namespace SnapMagic.Cards;

/// <summary>How an attendee rated a card: with the page's buttons, or with a thumb to the camera.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingSource>))]
public enum RatingSource
{
    [JsonStringEnumMemberName("button")] Button,
    [JsonStringEnumMemberName("gesture")] Gesture,
}

public static class RatingSourceExtensions
{
    public static string ToWireName(this RatingSource source) => source switch
    {
        RatingSource.Button => "button",
        RatingSource.Gesture => "gesture",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>Absent means <see cref="RatingSource.Button"/> (clients older than the gesture rating send none).</summary>
    public static bool TryParseWireName(string? name, out RatingSource source)
    {
        source = name switch { null or "button" => RatingSource.Button, "gesture" => RatingSource.Gesture, _ => (RatingSource)(-1) };
        return Enum.IsDefined(source);
    }
}
