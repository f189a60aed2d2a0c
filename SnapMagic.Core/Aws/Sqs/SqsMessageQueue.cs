using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using SnapMagic.Queueing;

namespace SnapMagic.Aws.Sqs;

/// <summary>
/// One SQS queue behind <see cref="IMessageQueue"/>; its URL is looked up by name on first use. As on every
/// backend, a stale or unknown receipt handle is ignored by delete and refused by a visibility change with
/// <see cref="MessageLeaseLostException"/>; every other SQS error comes through as the SDK's exception.
/// </summary>
public sealed class SqsMessageQueue(IAmazonSQS sqs, string name) : IMessageQueue
{
    private const int MaxWaitTimeSeconds = 20;
    private const int MaxVisibilityTimeoutSeconds = 43_200;

    private Task<string>? _queueUrl;

    public string Name => name;

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Checked before anything is sent: SQS would refuse it too, with a less readable error.
        var delaySeconds = MessageDelays.ToDelaySeconds(message);
        var request = new SendMessageRequest
        {
            QueueUrl = await GetQueueUrlAsync(cancellationToken),
            MessageBody = message.Body,
            DelaySeconds = delaySeconds == 0 ? null : delaySeconds,
            MessageAttributes = message.Attributes is { Count: > 0 } attributes
                ? attributes.ToDictionary(a => a.Key, a => new MessageAttributeValue { DataType = "String", StringValue = a.Value })
                : null,
        };
        return (await sqs.SendMessageAsync(request, cancellationToken)).MessageId;
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = await GetQueueUrlAsync(cancellationToken),
            MaxNumberOfMessages = Math.Clamp(maxMessages, 1, IMessageQueue.MaxMessagesPerReceive),
            WaitTimeSeconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 0, MaxWaitTimeSeconds),
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount, MessageSystemAttributeName.SentTimestamp],
        }, cancellationToken);
        return response.Messages is { } messages ? messages.Select(ToQueueMessage).ToList() : [];
    }

    public async Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken = default)
    {
        try
        {
            await sqs.DeleteMessageAsync(await GetQueueUrlAsync(cancellationToken), receiptHandle, cancellationToken);
        }
        catch (AmazonSQSException ex) when (IsLeaseLost(ex))
        {
            // Already deleted or never ours: nothing left to delete.
        }
    }

    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(visibilityTimeout.TotalSeconds), 0, MaxVisibilityTimeoutSeconds);
        try
        {
            await sqs.ChangeMessageVisibilityAsync(await GetQueueUrlAsync(cancellationToken), receiptHandle, seconds, cancellationToken);
        }
        catch (AmazonSQSException ex) when (IsLeaseLost(ex))
        {
            throw new MessageLeaseLostException(Name, $"the receipt handle does not hold a lease ({ex.ErrorCode}: {ex.Message})");
        }
    }

    public async Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken = default)
    {
        var attributes = await sqs.GetQueueAttributesAsync(await GetQueueUrlAsync(cancellationToken),
            [QueueAttributeName.ApproximateNumberOfMessages, QueueAttributeName.ApproximateNumberOfMessagesNotVisible], cancellationToken);
        return new QueueDepth(attributes.ApproximateNumberOfMessages, attributes.ApproximateNumberOfMessagesNotVisible);
    }

    private static QueueMessage ToQueueMessage(Message message)
    {
        var attributes = message.MessageAttributes?
            .Where(a => a.Value.StringValue is not null)
            .ToDictionary(a => a.Key, a => a.Value.StringValue) ?? [];
        var system = message.Attributes ?? [];
        var receiveCount = system.TryGetValue(MessageSystemAttributeName.ApproximateReceiveCount, out var count)
            && int.TryParse(count, CultureInfo.InvariantCulture, out var parsedCount) ? parsedCount : 1;
        var sentAt = system.TryGetValue(MessageSystemAttributeName.SentTimestamp, out var sent)
            && long.TryParse(sent, CultureInfo.InvariantCulture, out var epochMs)
                ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs)
                : DateTimeOffset.UtcNow;
        return new QueueMessage(message.MessageId, message.ReceiptHandle, message.Body ?? "", attributes, receiveCount, sentAt);
    }

    /// <summary>
    /// The receipt handle holds no lease: deleted, expired or never issued. Real SQS also says it as
    /// InvalidParameterValue "... ReceiptHandle is invalid. Reason: The receipt handle has expired".
    /// </summary>
    private static bool IsLeaseLost(AmazonSQSException ex) =>
        ex is ReceiptHandleIsInvalidException or MessageNotInflightException
        || ex.ErrorCode is "ReceiptHandleIsInvalid" or "MessageNotInflight"
        || (ex.ErrorCode is "InvalidParameterValue"
            && (ex.Message.Contains("receipt handle", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("ReceiptHandle", StringComparison.Ordinal)));

    // A failed lookup (queue not created yet, network) is not cached, so the next call tries again.
    private Task<string> GetQueueUrlAsync(CancellationToken cancellationToken)
    {
        var cached = _queueUrl;
        if (cached is { IsCompletedSuccessfully: true })
            return cached;
        var lookup = LookUpQueueUrlAsync(cancellationToken);
        _queueUrl = lookup;
        return lookup;
    }

    private async Task<string> LookUpQueueUrlAsync(CancellationToken cancellationToken) =>
        (await sqs.GetQueueUrlAsync(name, cancellationToken)).QueueUrl;
}
