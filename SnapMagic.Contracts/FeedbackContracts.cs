namespace SnapMagic.Contracts;

/// <summary>A typed answer to "How do you rate this app?": <c>POST /api/feedback</c> with <c>application/json</c>.</summary>
public sealed record TypedFeedbackRequest(string? Text);

public sealed record FeedbackAccepted(string FeedbackId, string Status);

/// <summary>
/// One attendee's feedback as <c>GET /api/feedback/{id}</c> and the hub's <c>FeedbackUpdated</c> show it:
/// <c>queued</c> → <c>processing</c> → <c>completed</c> | <c>failed</c>.
/// </summary>
/// <param name="Kind"><c>spoken</c> (a recording) or <c>typed</c>.</param>
/// <param name="Transcript">The typed text, or what the speech model heard; null while not done or not transcribed.</param>
/// <param name="Transcribed">False for a recording kept but not turned into text here (the local backend has no reliable recogniser).</param>
/// <param name="Sentiment"><c>positive</c>, <c>neutral</c> or <c>negative</c> once scored.</param>
/// <param name="Error">Why it failed, in words an attendee can read.</param>
public sealed record FeedbackView(
    string FeedbackId,
    string Status,
    string Kind,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Transcript,
    bool Transcribed,
    string? Sentiment,
    string? Error);

/// <summary>What <c>POST /api/feedback</c> accepts.</summary>
public static class FeedbackLimits
{
    public const int MaxRecordingSeconds = 20;
    /// <summary>20 s of 48 kHz 16-bit mono WAV is 1.92 MB; browsers' Opus in WebM is some 100 kB.</summary>
    public const int MaxRecordingBytes = 2 * 1024 * 1024;
    public const int MinTextLength = 2;
    public const int MaxTextLength = 1000;

    public const string WebmContentType = "audio/webm";
    public const string WavContentType = "audio/wav";
    public const string TypedContentType = "application/json";
}
