using System.Text.Json.Serialization;

namespace SnapMagic.Feedback;

/// <summary>queued → processing → completed | failed, as for cards. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackStatus>))]
public enum FeedbackStatus
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("processing")] Processing,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

[JsonConverter(typeof(JsonStringEnumConverter<FeedbackKind>))]
public enum FeedbackKind
{
    /// <summary>A recording from the microphone.</summary>
    [JsonStringEnumMemberName("spoken")] Spoken,
    /// <summary>A typed answer.</summary>
    [JsonStringEnumMemberName("typed")] Typed,
}

[JsonConverter(typeof(JsonStringEnumConverter<Sentiment>))]
public enum Sentiment
{
    [JsonStringEnumMemberName("positive")] Positive,
    [JsonStringEnumMemberName("neutral")] Neutral,
    [JsonStringEnumMemberName("negative")] Negative,
}

public static class FeedbackWireNames
{
    public static string ToWireName(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.Queued => "queued",
        FeedbackStatus.Processing => "processing",
        FeedbackStatus.Completed => "completed",
        FeedbackStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToWireName(this FeedbackKind kind) => kind switch
    {
        FeedbackKind.Spoken => "spoken",
        FeedbackKind.Typed => "typed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string ToWireName(this Sentiment sentiment) => sentiment switch
    {
        Sentiment.Positive => "positive",
        Sentiment.Neutral => "neutral",
        Sentiment.Negative => "negative",
        _ => throw new ArgumentOutOfRangeException(nameof(sentiment)),
    };

    public static bool TryParseStatus(string? name, out FeedbackStatus status) => TryParse(name, ToWireName, out status);

    public static bool TryParseKind(string? name, out FeedbackKind kind) => TryParse(name, ToWireName, out kind);

    public static bool TryParseSentiment(string? name, out Sentiment sentiment) => TryParse(name, ToWireName, out sentiment);

    public static bool IsTerminal(this FeedbackStatus status) => status is FeedbackStatus.Completed or FeedbackStatus.Failed;

    private static bool TryParse<T>(string? name, Func<T, string> wireName, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (wireName(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
