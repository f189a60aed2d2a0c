namespace SnapMagic.Feedback;

/// <summary>One attendee's answer to "How do you rate this app?" as the feedback store keeps it.</summary>
public sealed record FeedbackItem
{
    /// <summary>Unguessable, shaped like a card's correlation id (<see cref="Cards.CorrelationIds"/>).</summary>
    public required string FeedbackId { get; init; }
    public required string SessionId { get; init; }
    public required FeedbackKind Kind { get; init; }
    public required FeedbackStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When it completed or failed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The recording's key in the blob store (spoken feedback): <see cref="RecordingKeyFor"/>.</summary>
    public string? RecordingKey { get; init; }
    /// <summary><c>audio/webm</c> or <c>audio/wav</c>.</summary>
    public string? RecordingContentType { get; init; }
    /// <summary>The typed answer, or what the speech model heard once transcribed.</summary>
    public string? Text { get; init; }
    /// <summary>False while a recording has no transcript: not yet, or never here (no reliable recogniser on this backend).</summary>
    public bool Transcribed { get; init; }
    public Sentiment? Sentiment { get; init; }
    /// <summary>Why it failed, in words an attendee can read.</summary>
    public string? Error { get; init; }

    public static string RecordingKeyFor(string sessionId, string feedbackId, string contentType) =>
        $"feedback/{sessionId}/{feedbackId}.{(contentType == "audio/wav" ? "wav" : "webm")}";
}
