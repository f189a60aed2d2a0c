using Amazon.DynamoDBv2.Model;
using SnapMagic.Feedback;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// How a <see cref="FeedbackItem"/> is laid out in the job table. Its key is <c>feedback#{feedbackId}</c> in the table's
/// key attribute, so it can never be taken for a card. It carries <c>timeline = "feedback"</c> (its own partition of the
/// <see cref="EventTimeline"/> index) and no <c>sessionId</c> attribute (its session is <c>feedbackSession</c>), so it never
/// appears in the session index either: no card query, list or CSV can meet it. It expires like a card (<c>expiresAt</c>).
/// </summary>
internal static class FeedbackTableItem
{
    public const string KeyPrefix = "feedback#";
    public const string FeedbackId = "feedbackId";
    public const string SessionId = "feedbackSession";
    public const string Kind = "kind";
    public const string Status = "status";
    public const string StartedAt = "startedAt";
    public const string FinishedAt = "finishedAt";
    public const string RecordingKey = "recordingKey";
    public const string RecordingContentType = "recordingContentType";
    public const string Text = "text";
    public const string Transcribed = "transcribed";
    public const string Sentiment = "sentiment";
    public const string Error = "error";

    public static Dictionary<string, AttributeValue> Key(string feedbackId) => new() { [JobItem.CorrelationId] = JobItem.S(KeyPrefix + feedbackId) };

    public static Dictionary<string, AttributeValue> ToItem(FeedbackItem feedback, DateTimeOffset expiresAt)
    {
        var item = Key(feedback.FeedbackId);
        item[FeedbackId] = JobItem.S(feedback.FeedbackId);
        item[SessionId] = JobItem.S(feedback.SessionId);
        item[Kind] = JobItem.S(feedback.Kind.ToWireName());
        item[Status] = StatusValue(feedback.Status);
        item[JobItem.CreatedAt] = JobItem.Time(feedback.CreatedAt);
        item[Transcribed] = new AttributeValue { BOOL = feedback.Transcribed };
        item[EventTimeline.Attribute] = JobItem.S(EventTimeline.Feedback);
        item[JobItem.ExpiresAt] = JobItem.Expiry(expiresAt);
        JobItem.AddIfSet(item, StartedAt, feedback.StartedAt is { } started ? JobItem.Time(started) : null);
        JobItem.AddIfSet(item, FinishedAt, feedback.FinishedAt is { } finished ? JobItem.Time(finished) : null);
        JobItem.AddIfSet(item, RecordingKey, feedback.RecordingKey is { } key ? JobItem.S(key) : null);
        JobItem.AddIfSet(item, RecordingContentType, feedback.RecordingContentType is { } type ? JobItem.S(type) : null);
        JobItem.AddIfSet(item, Text, feedback.Text is { } text ? JobItem.S(text) : null);
        JobItem.AddIfSet(item, Sentiment, feedback.Sentiment is { } sentiment ? JobItem.S(sentiment.ToWireName()) : null);
        JobItem.AddIfSet(item, Error, feedback.Error is { } error ? JobItem.S(error) : null);
        return item;
    }

    /// <summary>The feedback an item holds, or null when the item is none (a card, a counter).</summary>
    public static FeedbackItem? FromItem(Dictionary<string, AttributeValue>? item)
    {
        if (item is null || !item.TryGetValue(FeedbackId, out var id) || !item.TryGetValue(SessionId, out var session))
            return null;
        return new FeedbackItem
        {
            FeedbackId = id.S,
            SessionId = session.S,
            Kind = FeedbackWireNames.TryParseKind(item[Kind].S, out var kind)
                ? kind : throw new InvalidDataException($"Unknown feedback kind '{item[Kind].S}' in the table."),
            Status = FeedbackWireNames.TryParseStatus(item[Status].S, out var status)
                ? status : throw new InvalidDataException($"Unknown feedback status '{item[Status].S}' in the table."),
            CreatedAt = JobItem.ParseTime(item[JobItem.CreatedAt].S),
            StartedAt = JobItem.OptionalTime(item, StartedAt),
            FinishedAt = JobItem.OptionalTime(item, FinishedAt),
            RecordingKey = JobItem.OptionalString(item, RecordingKey),
            RecordingContentType = JobItem.OptionalString(item, RecordingContentType),
            Text = JobItem.OptionalString(item, Text),
            Transcribed = item.TryGetValue(Transcribed, out var transcribed) && transcribed.BOOL == true,
            Sentiment = JobItem.OptionalString(item, Sentiment) is { } name
                ? FeedbackWireNames.TryParseSentiment(name, out var sentiment)
                    ? sentiment : throw new InvalidDataException($"Unknown sentiment '{name}' in the table.")
                : null,
            Error = JobItem.OptionalString(item, Error),
        };
    }

    public static AttributeValue StatusValue(FeedbackStatus status) => JobItem.S(status.ToWireName());
}
