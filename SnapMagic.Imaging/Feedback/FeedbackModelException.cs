namespace SnapMagic.Imaging.Feedback;

/// <summary>
/// A speech or sentiment model refused a call. <see cref="IsTransient"/> (throttling, 5xx, timeouts, lost connections)
/// is worth another attempt; validation, access and content-filter refusals are not.
/// </summary>
public sealed class FeedbackModelException(bool isTransient, string attendeeMessage, string detail, Exception? inner = null)
    : Exception(detail, inner)
{
    public const string SpeechBusyMessage = "The speech service is busy right now; we could not read your recording. Please try again, or type your answer.";
    public const string SpeechRefusedMessage = "We could not turn your recording into text. Please try again, or type your answer.";
    public const string SentimentBusyMessage = "The service that reads your answer is busy right now. Please try again in a moment.";
    public const string SentimentRefusedMessage = "We could not read your answer. Please try different words.";

    public bool IsTransient { get; } = isTransient;

    /// <summary>What the attendee reads when the feedback fails for this reason.</summary>
    public string AttendeeMessage { get; } = attendeeMessage;
}
