using System.Text.Json;
using System.Text.Json.Serialization;
using SnapMagic.Cards;

namespace SnapMagic.Queueing;

/// <summary>
/// The body of a job queue message: what to do (<see cref="Kind"/>) and whose record in the store it is about: a card's
/// correlation id for <see cref="JobKind.Card"/> and <see cref="JobKind.Animation"/>, a feedback id for
/// <see cref="JobKind.Feedback"/>. Everything else is read from the store, the source of truth.
/// </summary>
/// <param name="Kind">Absent on the wire means <see cref="JobKind.Card"/> (messages sent before there were other kinds).</param>
public sealed record JobMessage(string CorrelationId, JobKind Kind = JobKind.Card)
{
    public static JobMessage Card(string correlationId) => new(correlationId);

    public static JobMessage Animation(string correlationId) => new(correlationId, JobKind.Animation);

    public static JobMessage Feedback(string feedbackId) => new(feedbackId, JobKind.Feedback);

    public string ToJson() => JsonSerializer.Serialize(this, JobMessageJsonContext.Default.JobMessage);

    /// <summary>Parses a queue body; null when it is not a job message (a poison message).</summary>
    public static JobMessage? TryParse(string body)
    {
        try
        {
            var message = JsonSerializer.Deserialize(body, JobMessageJsonContext.Default.JobMessage);
            return message is { CorrelationId.Length: > 0 } && CorrelationIds.IsWellFormed(message.CorrelationId) && Enum.IsDefined(message.Kind)
                ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The jobs the worker pool does. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobKind>))]
public enum JobKind
{
    /// <summary>Paint a card.</summary>
    [JsonStringEnumMemberName("card")] Card,
    /// <summary>Start a card's animation, or check on a started one (a delayed re-check message).</summary>
    [JsonStringEnumMemberName("animation")] Animation,
    /// <summary>Transcribe (when spoken) and score an attendee's feedback.</summary>
    [JsonStringEnumMemberName("feedback")] Feedback,
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(JobMessage))]
internal sealed partial class JobMessageJsonContext : JsonSerializerContext;
