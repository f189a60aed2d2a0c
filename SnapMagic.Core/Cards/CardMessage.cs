using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnapMagic.Cards;

/// <summary>The body of a queue message: just enough to find the job in the store.</summary>
public sealed record CardMessage(string CorrelationId)
{
    public string ToJson() => JsonSerializer.Serialize(this, CardsJsonContext.Default.CardMessage);

    /// <summary>Parses a queue body; null when it is not a card message (a poison message).</summary>
    public static CardMessage? TryParse(string body)
    {
        try
        {
            var message = JsonSerializer.Deserialize(body, CardsJsonContext.Default.CardMessage);
            return message is { CorrelationId.Length: > 0 } && CorrelationIds.IsWellFormed(message.CorrelationId) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CardMessage))]
internal sealed partial class CardsJsonContext : JsonSerializerContext;
