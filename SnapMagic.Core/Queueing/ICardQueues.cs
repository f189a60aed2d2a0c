namespace SnapMagic.Queueing;

/// <summary>The card job queue and its dead-letter queue (redrive after <see cref="QueueOptions.MaxReceiveCount"/>).</summary>
public interface ICardQueues
{
    IMessageQueue Jobs { get; }
    IMessageQueue DeadLetters { get; }
}
