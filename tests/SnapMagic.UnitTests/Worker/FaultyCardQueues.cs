using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Worker;

/// <summary>The real queues behind decorators that fail as <see cref="Faults"/> plans ("jobs.&lt;method&gt;", "dead-letters.&lt;method&gt;").</summary>
internal sealed class FaultyCardQueues(ICardQueues inner, Faults faults) : ICardQueues
{
    public IMessageQueue Jobs { get; } = new FaultyQueue(inner.Jobs, faults, "jobs");
    public IMessageQueue DeadLetters { get; } = new FaultyQueue(inner.DeadLetters, faults, "dead-letters");

    private sealed class FaultyQueue(IMessageQueue inner, Faults faults, string prefix) : IMessageQueue
    {
        public string Name => inner.Name;

        public Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            faults.Check($"{prefix}.SendAsync");
            return inner.SendAsync(message, cancellationToken);
        }

        public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
        {
            faults.Check($"{prefix}.ReceiveAsync");
            return inner.ReceiveAsync(maxMessages, wait, cancellationToken);
        }

        public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken = default)
        {
            faults.Check($"{prefix}.DeleteAsync");
            return inner.DeleteAsync(receiptHandle, cancellationToken);
        }

        public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
        {
            faults.Check($"{prefix}.ChangeVisibilityAsync");
            return inner.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);
        }

        public Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken = default) => inner.GetDepthAsync(cancellationToken);
    }
}
