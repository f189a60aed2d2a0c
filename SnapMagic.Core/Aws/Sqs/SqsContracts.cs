using System.Text.Json.Serialization;

namespace SnapMagic.Aws.Sqs;

// Request and response shapes of the SQS AWS JSON 1.0 protocol (the operations SnapMagic uses).

internal sealed record SqsMessageAttributeValue(string DataType, string? StringValue);

internal sealed record SendMessageRequest(string QueueUrl, string MessageBody, Dictionary<string, SqsMessageAttributeValue>? MessageAttributes);
internal sealed record SendMessageResponse(string MessageId);

internal sealed record ReceiveMessageRequest(
    string QueueUrl,
    int MaxNumberOfMessages,
    int WaitTimeSeconds,
    string[] MessageAttributeNames,
    string[] MessageSystemAttributeNames);

internal sealed record ReceiveMessageResponse(List<SqsMessage>? Messages);

internal sealed record SqsMessage(
    string MessageId,
    string ReceiptHandle,
    string? Body,
    Dictionary<string, string>? Attributes,
    Dictionary<string, SqsMessageAttributeValue>? MessageAttributes);

internal sealed record DeleteMessageRequest(string QueueUrl, string ReceiptHandle);

internal sealed record DeleteMessageBatchRequest(string QueueUrl, List<DeleteMessageBatchEntry> Entries);
internal sealed record DeleteMessageBatchEntry(string Id, string ReceiptHandle);
internal sealed record DeleteMessageBatchResponse(List<BatchResultEntry>? Successful, List<BatchErrorEntry>? Failed);
internal sealed record BatchResultEntry(string Id);
internal sealed record BatchErrorEntry(string Id, string? Code, string? Message, bool SenderFault);

internal sealed record ChangeMessageVisibilityRequest(string QueueUrl, string ReceiptHandle, int VisibilityTimeout);

internal sealed record GetQueueUrlRequest(string QueueName);
internal sealed record QueueUrlResponse(string QueueUrl);

internal sealed record GetQueueAttributesRequest(string QueueUrl, string[] AttributeNames);
internal sealed record GetQueueAttributesResponse(Dictionary<string, string>? Attributes);

internal sealed record CreateQueueRequest(string QueueName, Dictionary<string, string>? Attributes);

internal sealed record SqsErrorResponse(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? MessageUpper);

internal sealed record RedrivePolicy(
    [property: JsonPropertyName("deadLetterTargetArn")] string DeadLetterTargetArn,
    [property: JsonPropertyName("maxReceiveCount")] int MaxReceiveCount);

internal sealed record EmptyResponse;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(ReceiveMessageRequest))]
[JsonSerializable(typeof(ReceiveMessageResponse))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(DeleteMessageBatchRequest))]
[JsonSerializable(typeof(DeleteMessageBatchResponse))]
[JsonSerializable(typeof(ChangeMessageVisibilityRequest))]
[JsonSerializable(typeof(GetQueueUrlRequest))]
[JsonSerializable(typeof(QueueUrlResponse))]
[JsonSerializable(typeof(GetQueueAttributesRequest))]
[JsonSerializable(typeof(GetQueueAttributesResponse))]
[JsonSerializable(typeof(CreateQueueRequest))]
[JsonSerializable(typeof(SqsErrorResponse))]
[JsonSerializable(typeof(RedrivePolicy))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
