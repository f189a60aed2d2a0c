using System.Threading.Channels;
using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Worker;

/// <summary>
/// An in-memory <see cref="IMessageQueue"/> that records every send, delete and visibility change, fails the
/// calls a test plans through <see cref="Faults"/> ("queue.&lt;method&gt;"), and hands each receive to the test,
/// which answers it (or fails it) when it chooses.
/// </summary>
internal sealed class ScriptedQueue : IMessageQueue
{
    private readonly Lock _lock = new();
    private readonly List<OutgoingMessage> _sent = [];
    private readonly List<string> _deleted = [];
    private readonly List<(string ReceiptHandle, TimeSpan Visibility)> _visibilityChanges = [];
    private readonly SemaphoreSlim _visibilityChanged = new(0);
    private readonly Channel<PendingReceive> _receives = Channel.CreateUnbounded<PendingReceive>();
    private int _messageCount;

    public string Name => "scripted";
    public Faults Faults { get; } = new();

    public IReadOnlyList<OutgoingMessage> Sent { get { lock (_lock) return [.. _sent]; } }
    public IReadOnlyList<string> Deleted { get { lock (_lock) return [.. _deleted]; } }
    public IReadOnlyList<(string ReceiptHandle, TimeSpan Visibility)> VisibilityChanges { get { lock (_lock) return [.. _visibilityChanges]; } }

    /// <summary>A message as a receive would return it.</summary>
    public QueueMessage NewMessage(string body = "{}", int receiveCount = 1, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var n = Interlocked.Increment(ref _messageCount);
        return new QueueMessage($"message-{n}", $"handle-{n}", body, attributes ?? new Dictionary<string, string>(), receiveCount, DateTimeOffset.UnixEpoch);
    }

    /// <summary>The next receive the code under test makes (waits for it, up to 20 s).</summary>
    public async Task<PendingReceive> NextReceiveAsync() =>
        await _receives.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Waits for the next visibility change not yet waited for (up to 20 s).</summary>
    public async Task NextVisibilityChangeAsync()
    {
        if (!await _visibilityChanged.WaitAsync(TimeSpan.FromSeconds(20)))
            throw new TimeoutException("No visibility change within 20 s.");
    }

    /// <summary>Whether a receive is waiting to be read by <see cref="NextReceiveAsync"/>.</summary>
    public bool HasPendingReceive => _receives.Reader.Count > 0;

    public Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Faults.Check("queue.SendAsync");
        lock (_lock)
            _sent.Add(message);
        return Task.FromResult($"sent-{Interlocked.Increment(ref _messageCount)}");
    }

    /// <summary>Read at every receive and kept with it (a test's count of busy work, say).</summary>
    public Func<int>? Observe { get; set; }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var receive = new PendingReceive(maxMessages, wait, Observe?.Invoke() ?? 0, cancellationToken);
        _receives.Writer.TryWrite(receive);
        return receive.Answer;
    }

    public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken = default)
    {
        Faults.Check("queue.DeleteAsync");
        lock (_lock)
            _deleted.Add(receiptHandle);
        return Task.CompletedTask;
    }

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        Faults.Check("queue.ChangeVisibilityAsync");
        lock (_lock)
            _visibilityChanges.Add((receiptHandle, visibilityTimeout));
        _visibilityChanged.Release();
        return Task.CompletedTask;
    }

    public Task<QueueDepth> GetDepthAsync(CancellationToken cancellationToken = default) => Task.FromResult(new QueueDepth(0, 0));

    /// <summary>One receive call waiting for the test's answer; cancelled with the caller's token.</summary>
    public sealed class PendingReceive
    {
        private readonly TaskCompletionSource<IReadOnlyList<QueueMessage>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PendingReceive(int maxMessages, TimeSpan wait, int observed, CancellationToken cancellationToken)
        {
            MaxMessages = maxMessages;
            Wait = wait;
            Observed = observed;
            cancellationToken.Register(() => _answer.TrySetCanceled(cancellationToken));
        }

        public int MaxMessages { get; }
        public TimeSpan Wait { get; }
        public int Observed { get; }
        public Task<IReadOnlyList<QueueMessage>> Answer => _answer.Task;

        public void Return(params QueueMessage[] messages) => _answer.TrySetResult(messages);

        public void Fail() => _answer.TrySetException(new IOException("scripted receive failure"));
    }
}
