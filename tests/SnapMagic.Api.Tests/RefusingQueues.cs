using SnapMagic.Queueing;

namespace SnapMagic.Api.Tests;

/// <summary>A job queue that is down: every call throws, as an unreachable SQS or a broken queues.db would.</summary>
internal sealed class RefusingQueues : ICardQueues, IMessageQueue
{
    public IMessageQueue Jobs => this;
    public IMessageQueue DeadLetters => this;
    public string Name => "refusing";
    public Task<string> SendAsync(OutgoingMessage message, CancellationToken ct = default) => throw new IOException("queue down");
    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan wait, CancellationToken ct = default) => throw new IOException("queue down");
    public Task DeleteAsync(string receiptHandle, CancellationToken ct = default) => throw new IOException("queue down");
    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan timeout, CancellationToken ct = default) => throw new IOException("queue down");
    public Task<QueueDepth> GetDepthAsync(CancellationToken ct = default) => throw new IOException("queue down");
}
