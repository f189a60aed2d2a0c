using System.Net;

namespace SnapMagic.Aws.Sqs;

/// <summary>An error SQS answered with: <see cref="ErrorCode"/> is the part of <c>__type</c> after '#'.</summary>
public class SqsException(string errorCode, string message, HttpStatusCode statusCode)
    : Exception($"SQS {errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Worth retrying: throttling or a server-side fault.</summary>
    public bool IsTransient =>
        (int)StatusCode >= 500 || ErrorCode is "ThrottlingException" or "RequestThrottled" or "ServiceUnavailable" or "InternalError";

    internal static SqsException Create(string errorCode, string message, HttpStatusCode statusCode) => errorCode switch
    {
        "QueueDoesNotExist" or "AWS.SimpleQueueService.NonExistentQueue" => new QueueDoesNotExistException(message, statusCode),
        "ReceiptHandleIsInvalid" => new ReceiptHandleIsInvalidException(message, statusCode),
        "QueueNameExists" => new QueueNameExistsException(message, statusCode),
        _ => new SqsException(errorCode, message, statusCode),
    };
}

public sealed class QueueDoesNotExistException(string message, HttpStatusCode statusCode)
    : SqsException("QueueDoesNotExist", message, statusCode);

public sealed class ReceiptHandleIsInvalidException(string message, HttpStatusCode statusCode)
    : SqsException("ReceiptHandleIsInvalid", message, statusCode);

/// <summary>CreateQueue found a queue of that name with different attributes.</summary>
public sealed class QueueNameExistsException(string message, HttpStatusCode statusCode)
    : SqsException("QueueNameExists", message, statusCode);
