namespace SnapMagic.Imaging.Video;

/// <summary>
/// A video model refused a call. <see cref="IsTransient"/> (throttling, 5xx, timeouts, lost connections) is worth
/// another attempt; validation and access refusals are not.
/// </summary>
public sealed class VideoModelException(bool isTransient, string attendeeMessage, string detail, Exception? inner = null)
    : Exception(detail, inner)
{
    public const string BusyMessage = "The animation service is busy right now. Please try again in a moment.";
    public const string RefusedMessage = "The animation service could not animate this card.";

    public bool IsTransient { get; } = isTransient;

    /// <summary>What the attendee reads.</summary>
    public string AttendeeMessage { get; } = attendeeMessage;
}
