using System.Collections.Concurrent;

namespace SnapMagic.Embedded;

/// <summary>
/// Wakes long-polling receivers of one queue in this process as soon as a message becomes visible here
/// (a send or a release); other processes' sends are found by polling.
/// </summary>
internal sealed class QueueSignal
{
    private static readonly ConcurrentDictionary<string, QueueSignal> All = new(StringComparer.Ordinal);
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static QueueSignal For(string databasePath, string queueName) =>
        All.GetOrAdd($"{databasePath}\n{queueName}", _ => new QueueSignal());

    /// <summary>Completes at the next <see cref="Pulse"/>. Take it before looking at the table so no pulse is missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
