using System.Collections.Concurrent;

namespace SnapMagic.Worker.Polling;

/// <summary>The work a <see cref="QueuePoller"/> has started and not yet seen end.</summary>
public sealed class InFlightMessages
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public int Count => _running.Count;

    internal void Track(Task work)
    {
        _running.TryAdd(work, 0);
        _ = work.ContinueWith(finished => _running.TryRemove(finished, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    internal Task[] Snapshot() => [.. _running.Keys];

    /// <summary>Completes when any work now in flight ends (at once when there is none).</summary>
    public Task WhenAnyEnds() => Snapshot() is { Length: > 0 } running ? Task.WhenAny(running) : Task.CompletedTask;
}
