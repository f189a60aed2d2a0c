using System.Net;
using SnapMagic.Imaging;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// A failed Bedrock Runtime call: the HTTP status (0 when no answer came), the error name from
/// <c>X-Amzn-ErrorType</c> and the body's <c>message</c>.
/// </summary>
public sealed class BedrockException(HttpStatusCode statusCode, string errorType, string message, Exception? inner = null)
    : Exception($"Bedrock {errorType} ({(int)statusCode}): {message}", inner)
{
    public const string BusyMessage = "The image service is busy right now. Please try again in a moment.";
    public const string PromptBlockedMessage = "Your prompt was blocked by the content filter. Try different words.";
    public const string RefusedMessage = "The image service could not make this card. Please try a different prompt.";
    public const string OutputBlockedMessage = "The picture was blocked by the content filter. Try different words.";

    public HttpStatusCode StatusCode { get; } = statusCode;
    public string ErrorType { get; } = errorType;
    public string ServiceMessage { get; } = message;

    /// <summary>Throttling, a model still loading, 5xx, timeouts and lost connections: worth another attempt.</summary>
    public bool IsTransient =>
        StatusCode is 0 or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError
        || ErrorType is "ThrottlingException" or "ModelNotReadyException" or "ModelTimeoutException" or "ServiceUnavailableException" or "InternalServerException";

    /// <summary>A ValidationException whose message says the content filter stopped the request.</summary>
    public bool IsContentFiltered => !IsTransient && StatusCode == HttpStatusCode.BadRequest && MentionsContentFilter(ServiceMessage);

    public ImageModelException ToImageModelException() =>
        IsTransient ? new(ImageModelFailure.Transient, BusyMessage, Message, this)
        : IsContentFiltered ? new(ImageModelFailure.ContentBlocked, PromptBlockedMessage, Message, this)
        : new(ImageModelFailure.Rejected, RefusedMessage, Message, this);

    internal static bool MentionsContentFilter(string? message) =>
        message is not null
        && (message.Contains("content filter", StringComparison.OrdinalIgnoreCase)
            || message.Contains("blocked", StringComparison.OrdinalIgnoreCase)
            || message.Contains("responsible ai", StringComparison.OrdinalIgnoreCase));
}
