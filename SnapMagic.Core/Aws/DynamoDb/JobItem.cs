using System.Globalization;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Cards;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// How a <see cref="CardJob"/> is laid out as a DynamoDB item. Times are fixed-width UTC ISO 8601 strings,
/// so the session index sorts them as text; <c>expiresAt</c> is epoch seconds for DynamoDB's TTL.
/// </summary>
internal static class JobItem
{
    public const string CorrelationId = "correlationId";
    public const string SessionId = "sessionId";
    public const string Prompt = "prompt";
    public const string Status = "status";
    public const string CreatedAt = "createdAt";
    public const string StartedAt = "startedAt";
    public const string CompletedAt = "completedAt";
    public const string ImageKey = "imageKey";
    public const string Error = "error";
    public const string IdempotencyKey = "idempotencyKey";
    public const string ExpiresAt = "expiresAt";
    public const string Rating = "rating";
    public const string RatingSource = "ratingSource";
    public const string AnimationStatus = "animationStatus";
    public const string AnimationRequestedAt = "animationRequestedAt";
    public const string AnimationStartedAt = "animationStartedAt";
    public const string AnimationFinishedAt = "animationFinishedAt";
    public const string AnimationInvocationId = "animationInvocationId";
    public const string AnimationVideoKey = "animationVideoKey";
    public const string AnimationVideoContentType = "animationVideoContentType";
    public const string AnimationError = "animationError";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static Dictionary<string, AttributeValue> ToItem(CardJob job, DateTimeOffset expiresAt)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [CorrelationId] = S(job.CorrelationId),
            [SessionId] = S(job.SessionId),
            [Prompt] = S(job.Prompt),
            [Status] = S(job.Status.ToWireName()),
            [CreatedAt] = Time(job.CreatedAt),
            [ExpiresAt] = Expiry(expiresAt),
        };
        AddIfSet(item, StartedAt, job.StartedAt is { } started ? Time(started) : null);
        AddIfSet(item, CompletedAt, job.CompletedAt is { } completed ? Time(completed) : null);
        AddIfSet(item, ImageKey, job.ImageKey is { } key ? S(key) : null);
        AddIfSet(item, Error, job.Error is { } error ? S(error) : null);
        AddIfSet(item, IdempotencyKey, job.IdempotencyKey is { } idem ? S(idem) : null);
        AddIfSet(item, Rating, job.Rating is { } rating ? S(rating.ToWireName()) : null);
        AddIfSet(item, RatingSource, job.Rating is null ? null : S((job.RatingSource ?? Cards.RatingSource.Button).ToWireName()));
        return item;
    }

    /// <summary>The job an item holds, or null when the item is not a job (an idempotency record).</summary>
    public static CardJob? FromItem(Dictionary<string, AttributeValue>? item)
    {
        if (item is null || !item.TryGetValue(Status, out var status) || !item.ContainsKey(SessionId))
            return null;
        return new CardJob
        {
            CorrelationId = item[CorrelationId].S,
            SessionId = item[SessionId].S,
            Prompt = item[Prompt].S,
            Status = ParseStatus(status.S),
            CreatedAt = ParseTime(item[CreatedAt].S),
            StartedAt = OptionalTime(item, StartedAt),
            CompletedAt = OptionalTime(item, CompletedAt),
            ImageKey = OptionalString(item, ImageKey),
            Error = OptionalString(item, Error),
            IdempotencyKey = OptionalString(item, IdempotencyKey),
            Rating = CardRatingExtensions.TryParseWireName(OptionalString(item, Rating), out var rating) ? rating : null,
            // Ratings from before the source was kept were all given with the buttons (absent parses as a button).
            RatingSource = item.ContainsKey(Rating) && RatingSourceExtensions.TryParseWireName(OptionalString(item, RatingSource), out var source)
                ? source : null,
            Animation = CardAnimationStatusExtensions.TryParseWireName(OptionalString(item, AnimationStatus), out var animation)
                ? new CardAnimation
                {
                    Status = animation,
                    RequestedAt = ParseTime(item[AnimationRequestedAt].S),
                    StartedAt = OptionalTime(item, AnimationStartedAt),
                    FinishedAt = OptionalTime(item, AnimationFinishedAt),
                    InvocationId = OptionalString(item, AnimationInvocationId),
                    VideoKey = OptionalString(item, AnimationVideoKey),
                    VideoContentType = OptionalString(item, AnimationVideoContentType),
                    Error = OptionalString(item, AnimationError),
                }
                : null,
        };
    }

    public static AttributeValue AnimationStatusValue(CardAnimationStatus status) => S(status.ToWireName());

    public static AttributeValue S(string value) => new() { S = value };

    /// <summary>Epoch seconds, as DynamoDB's TTL reads <see cref="ExpiresAt"/>.</summary>
    public static AttributeValue Expiry(DateTimeOffset expiresAt) => new() { N = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTimeOffset value) => S(value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));

    public static AttributeValue StatusValue(CardStatus status) => S(status.ToWireName());

    private static CardStatus ParseStatus(string wireName) =>
        Enum.GetValues<CardStatus>().First(s => s.ToWireName() == wireName);

    public static DateTimeOffset ParseTime(string value) =>
        new(DateTime.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static DateTimeOffset? OptionalTime(Dictionary<string, AttributeValue> item, string name) =>
        OptionalString(item, name) is { } text ? ParseTime(text) : null;

    public static string? OptionalString(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static void AddIfSet(Dictionary<string, AttributeValue> item, string name, AttributeValue? value)
    {
        if (value is not null)
            item[name] = value;
    }
}
