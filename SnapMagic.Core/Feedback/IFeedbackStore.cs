namespace SnapMagic.Feedback;

/// <summary>
/// Where attendees' feedback lives, beside the cards (the same SQLite file, the same DynamoDB table). Status changes are
/// conditional writes as for cards: queued | processing → processing → completed | failed; the Try* methods return the
/// updated item, or null when it is missing or the move is not allowed (a redelivered job never scores twice).
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Stores a new queued item.</summary>
    Task CreateAsync(FeedbackItem item, CancellationToken cancellationToken = default);

    Task<FeedbackItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default);

    /// <summary>queued | processing → processing.</summary>
    Task<FeedbackItem?> TryStartAsync(string feedbackId, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>processing → completed, with the text (typed, or transcribed when <paramref name="transcribed"/>) and its sentiment.</summary>
    Task<FeedbackItem?> TryCompleteAsync(string feedbackId, string? text, bool transcribed, Sentiment? sentiment, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>queued | processing → failed.</summary>
    Task<FeedbackItem?> TryFailAsync(string feedbackId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>The event's feedback in figures, with the <paramref name="latest"/> newest completed items that have text.</summary>
    Task<FeedbackStatistics> GetStatisticsAsync(int latest, CancellationToken cancellationToken = default);

    /// <summary>Every item of the event, oldest first (the organizer's feedback CSV).</summary>
    IAsyncEnumerable<FeedbackItem> ListAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>The organizer's view of the feedback: counts by status and sentiment, and the latest texts.</summary>
public sealed record FeedbackStatistics
{
    public long Received { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long Spoken { get; init; }
    public long Typed { get; init; }
    /// <summary>Recordings kept without a transcript (no reliable recogniser on this backend).</summary>
    public long NotTranscribed { get; init; }
    public long Positive { get; init; }
    public long Neutral { get; init; }
    public long Negative { get; init; }
    /// <summary>The newest completed items with text, newest first.</summary>
    public IReadOnlyList<FeedbackItem> Latest { get; init; } = [];
}
