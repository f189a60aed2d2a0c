namespace SnapMagic.Queueing;

/// <summary>
/// One queue with SQS semantics: a received message is leased (invisible) for a visibility timeout and
/// comes back if not deleted in time; every receive counts; past the queue's max receive count the
/// message moves to the dead-letter queue instead of being delivered again.
/// </summary>
public interface IMessageQueue
{
    /// <summary>The most messages one receive returns, as on SQS.</summary>
    const int MaxMessagesPerReceive = 10;

    string Name { get; }

    Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Waits up to <paramref name="wait"/> (long polling) for at most <paramref name="maxMessages"/> (1 to <see cref="MaxMessagesPerReceive"/>) messages.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default);

    Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken = default);

    /// <summary>Extends (heartbeat) or ends (zero: release now) the lease of a received message.</summary>
    Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken = default);
}

/// <param name="Delay">How long the message stays invisible after it is sent (SQS <c>DelaySeconds</c>): zero to
/// <see cref="MaxDelay"/>. A worker checks on a running video this way without holding a slot meanwhile.</param>
public sealed record OutgoingMessage(string Body, IReadOnlyDictionary<string, string>? Attributes = null, TimeSpan Delay = default)
{
    /// <summary>SQS's limit on <c>DelaySeconds</c>.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
}

public sealed record QueueMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    IReadOnlyDictionary<string, string> Attributes,
    int ReceiveCount,
    DateTimeOffset SentAt);

/// <param name="Visible">Messages waiting to be received.</param>
/// <param name="InFlight">Messages received and not yet deleted (leased).</param>
public sealed record QueueDepth(long Visible, long InFlight);
