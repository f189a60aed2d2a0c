namespace SnapMagic.Imaging;

public enum ImageModelFailure
{
    /// <summary>Throttling, model not ready, 500, 503, timeouts: worth another attempt.</summary>
    Transient,
    /// <summary>The content filter blocked the prompt or the output: never retried.</summary>
    ContentBlocked,
    /// <summary>The request was refused (validation, access, not found): never retried.</summary>
    Rejected,
}

public sealed class ImageModelException(ImageModelFailure failure, string attendeeMessage, string? detail = null, Exception? inner = null)
    : Exception(detail ?? attendeeMessage, inner)
{
    public ImageModelFailure Failure { get; } = failure;

    /// <summary>What the attendee reads when the card fails for this reason.</summary>
    public string AttendeeMessage { get; } = attendeeMessage;

    public bool IsTransient => Failure == ImageModelFailure.Transient;
}
