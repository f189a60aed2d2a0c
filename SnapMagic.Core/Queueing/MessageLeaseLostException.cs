namespace SnapMagic.Queueing;

/// <summary>
/// The receipt handle no longer holds the message's lease: the lease expired (the message may have been
/// received again under a new handle) or the message was deleted. The holder must stop working on it as
/// the owner of the lease; the job store's conditional writes keep the card consistent.
/// </summary>
public sealed class MessageLeaseLostException(string queueName, string message)
    : InvalidOperationException($"Queue '{queueName}': {message}")
{
    public string QueueName { get; } = queueName;
}
