using System.Globalization;
using SnapMagic.Queueing;

namespace SnapMagic.Aws.Sqs;

/// <summary>
/// One SQS queue behind <see cref="IMessageQueue"/>; its URL is looked up by name on first use. As on every
/// backend, a stale or unknown receipt handle is ignored by delete and refused by a visibility change with
/// <see cref="MessageLeaseLostException"/>.
/// </summary>
public sealed class SqsMessageQueue(SqsClient client, string name) : IMessageQueue
{
    private static readonly string[] DepthAttributes = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"];
    private const int MaxVisibilityTimeoutSeconds = 43_200;

    private Task<string>? _queueUrl;

    public string Name => name;

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
        await client.SendMessageAsync(await GetQueueUrlAsync(cancellationToken), message.Body, message.Attributes, cancellationToken);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default) =>
        await client.ReceiveMessagesAsync(await GetQueueUrlAsync(cancellationToken), maxMessages, (int)Math.Ceiling(wait.TotalSeconds), cancellationToken);

    public async Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.DeleteMessageAsync(await GetQueueUrlAsync(cancellationToken), receiptHandle, cancellationToken);
        }
        catch (SqsException ex) when (IsLeaseLost(ex))
        {
            // Already deleted or never ours: nothing left to delete.
        }
    }

    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(visibilityTimeout.TotalSeconds), 0, MaxVisibilityTimeoutSeconds);
        try
        {
            await client.ChangeMessageVisibilityAsync(await GetQueueUrlAsync(cancellationToken), receiptHandle, seconds, cancellationToken);
        }
        catch (SqsException ex) when (IsLeaseLost(ex))
        {
            throw new MessageLeaseLostException(Name, $"the receipt handle does not hold a lease ({ex.ErrorCode}: {ex.Message})");
        }
    }

    // Real SQS says InvalidParameterValue "... ReceiptHandle is invalid. Reason: The receipt handle has expired".
    private static bool IsLeaseLost(SqsException ex) =>
        ex is ReceiptHandleIsInvalidException
        || ex.ErrorCode is "MessageNotInflight"
        || (ex.ErrorCode is "InvalidParameterValue" && ex.Message.Contains("receipt handle", StringComparison.OrdinalIgnoreCase))
        || (ex.ErrorCode is "InvalidParameterValue" && ex.Message.Contains("ReceiptHandle", StringComparison.Ordinal));

    public async Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken = default)
    {
        var attributes = await client.GetQueueAttributesAsync(await GetQueueUrlAsync(cancellationToken), DepthAttributes, cancellationToken);
        return new QueueDepth(Count(attributes, DepthAttributes[0]), Count(attributes, DepthAttributes[1]));
    }

    private static long Count(IReadOnlyDictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var count) ? count : 0;

    // A failed lookup (queue not created yet, network) is not cached, so the next call tries again.
    private Task<string> GetQueueUrlAsync(CancellationToken cancellationToken)
    {
        var cached = _queueUrl;
        if (cached is { IsCompletedSuccessfully: true })
            return cached;
        var lookup = client.GetQueueUrlAsync(name, cancellationToken);
        _queueUrl = lookup;
        return lookup;
    }
}
