using System.Collections.Concurrent;
using System.Threading.Channels;
using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Worker;

/// <summary>Work a poller starts per message that runs until the test finishes it (or its token is cancelled).</summary>
internal sealed class BlockingWork
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finish = new();
    private readonly Channel<QueueMessage> _started = Channel.CreateUnbounded<QueueMessage>();
    private int _running;

    /// <summary>Work started and not yet ended.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Messages whose work saw its token cancelled.</summary>
    public ConcurrentBag<string> Cancelled { get; } = [];

    /// <summary>Ids of messages whose work throws instead of blocking.</summary>
    public HashSet<string> Throwing { get; } = [];

    public async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            _started.Writer.TryWrite(message);
            if (Throwing.Contains(message.MessageId))
                throw new InvalidOperationException("scripted work failure");
            var finish = _finish.GetOrAdd(message.MessageId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                await finish.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.Add(message.MessageId);
                throw;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>The next message whose work started (waits for it, up to 20 s).</summary>
    public async Task<QueueMessage> NextStartedAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public void Finish(QueueMessage message) =>
        _finish.GetOrAdd(message.MessageId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
