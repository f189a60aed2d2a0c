using System.Text.Json;
using System.Text.Json.Serialization;
using SnapMagic.Api.Animations;
using SnapMagic.Api.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Organizer;

/// <summary>GET /api/organizer/summary: the event so far.</summary>
/// <param name="SuccessRate">Completed out of finished (completed + failed), 0-1; null before any card finished.</param>
/// <param name="CardsPerMinute">Cards completed in each of the last 60 minutes, oldest first, the current minute last.</param>
/// <param name="QueueDepth">Card requests waiting in the queue now; null when the queue cannot be asked.</param>
/// <param name="DeadLetters">Messages in the dead-letter queue now; null when the queue cannot be asked.</param>
/// <param name="Budget">The event's card budget (Cards:EventPerMinute, Cards:EventPerDay; 0: no limit) and its use.</param>
/// <param name="Ratings">All ratings, however given.</param>
/// <param name="EstimatedModelCost">Completed cards × <see cref="PricePerImage"/>, in USD (animations have their own in <see cref="Animations"/>).</param>
/// <param name="RatingsBySource">The ratings split by how they were given: the page's buttons or a thumb to the camera.</param>
/// <param name="Animations">Card animations: asked for, made, failed, their estimated cost and the event's animation budget.</param>
/// <param name="Feedback">Attendees' spoken and typed answers: counts, sentiment shares and the latest texts.</param>
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
    CardBudget Budget,
    RatingsBySource RatingsBySource,
    AnimationSummary Animations,
    FeedbackSummary Feedback);

public sealed record MinutePoint(DateTimeOffset Minute, long Count);

public sealed record PercentileSeconds(double? P50, double? P95);

public sealed record FailureReason(string Reason, long Count);

public sealed record RatingCounts(long Up, long Down);

public sealed record RatingsBySource(RatingCounts Button, RatingCounts Gesture);

/// <param name="Requested">Animations asked for (each card at most once).</param>
/// <param name="EstimatedCost">Completed animations × <see cref="PricePerVideo"/>, in the summary's currency (failed ones are not billed).</param>
/// <param name="Budget">The event's animation budget (Animations:EventPerHour, Animations:EventPerDay; 0: no limit) and its use.</param>
public sealed record AnimationSummary(
    long Requested,
    long Completed,
    long Failed,
    decimal EstimatedCost,
    decimal PricePerVideo,
    AnimationBudget Budget);

/// <param name="NotTranscribed">Recordings kept without a transcript (no reliable recogniser on this backend).</param>
/// <param name="PositiveShare">Of the scored answers, the share that was positive (0-1); null before any was scored.</param>
/// <param name="Latest">The newest finished answers with text, newest first (no session ids).</param>
public sealed record FeedbackSummary(
    long Received,
    long Completed,
    long Failed,
    long Spoken,
    long Typed,
    long NotTranscribed,
    long Positive,
    long Neutral,
    long Negative,
    double? PositiveShare,
    double? NeutralShare,
    double? NegativeShare,
    IReadOnlyList<FeedbackTranscript> Latest);

/// <param name="Sentiment"><c>positive</c>, <c>neutral</c> or <c>negative</c>; null when not scored.</param>
/// <param name="Kind"><c>spoken</c> or <c>typed</c>.</param>
/// <param name="At">When it was finished.</param>
public sealed record FeedbackTranscript(string Text, string? Sentiment, string Kind, DateTimeOffset At);

public sealed record WordCount(string Word, long Count);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrganizerSummary))]
[JsonSerializable(typeof(IReadOnlyList<CardView>))]
public sealed partial class OrganizerJsonContext : JsonSerializerContext;
