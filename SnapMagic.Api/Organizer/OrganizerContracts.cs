using System.Text.Json;
using System.Text.Json.Serialization;
using SnapMagic.Api.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Organizer;

/// <summary>GET /api/organizer/summary: the event so far.</summary>
/// <param name="SuccessRate">Completed out of finished (completed + failed), 0-1; null before any card finished.</param>
/// <param name="CardsPerMinute">Cards completed in each of the last 60 minutes, oldest first, the current minute last.</param>
/// <param name="QueueDepth">Card requests waiting in the queue now; null when the queue cannot be asked.</param>
/// <param name="DeadLetters">Messages in the dead-letter queue now; null when the queue cannot be asked.</param>
/// <param name="Budget">The event's card budget (Cards:EventPerMinute, Cards:EventPerDay; 0: no limit) and its use.</param>
/// <param name="EstimatedModelCost">Completed cards × <see cref="PricePerImage"/>, in USD.</param>
public sealed record OrganizerSummary(
    DateTimeOffset GeneratedAt,
    long Accepted,
    long Queued,
    long Processing,
    long Completed,
    long Failed,
    double? SuccessRate,
    IReadOnlyList<MinutePoint> CardsPerMinute,
    PercentileSeconds TimeToCard,
    PercentileSeconds QueueWait,
    long? QueueDepth,
    long? DeadLetters,
    IReadOnlyList<FailureReason> FailuresByReason,
    RatingCounts Ratings,
    IReadOnlyList<WordCount> TopWords,
    decimal EstimatedModelCost,
    decimal PricePerImage,
    string Currency,
    CardBudget Budget);

public sealed record MinutePoint(DateTimeOffset Minute, long Count);

public sealed record PercentileSeconds(double? P50, double? P95);

public sealed record FailureReason(string Reason, long Count);

public sealed record RatingCounts(long Up, long Down);

public sealed record WordCount(string Word, long Count);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrganizerSummary))]
[JsonSerializable(typeof(IReadOnlyList<CardView>))]
public sealed partial class OrganizerJsonContext : JsonSerializerContext;
