using System.Text.Json.Serialization;

namespace SnapMagic.Cards;

/// <summary>An attendee's thumbs up or down on a finished card. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardRating>))]
public enum CardRating
{
    [JsonStringEnumMemberName("up")] Up,
    [JsonStringEnumMemberName("down")] Down,
}

public static class CardRatingExtensions
{
    public static string ToWireName(this CardRating rating) => rating switch
    {
        CardRating.Up => "up",
        CardRating.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    public static bool TryParseWireName(string? name, out CardRating rating)
    {
        rating = name switch { "up" => CardRating.Up, "down" => CardRating.Down, _ => (CardRating)(-1) };
        return Enum.IsDefined(rating);
    }
}
