using Microsoft.AspNetCore.SignalR.Client;

namespace SnapMagic.TestSupport.Hubs;

/// <summary>
/// Every push of one hub method a <see cref="HubConnection"/> received, kept from the moment of listening, so a
/// test can wait for a push that arrived before it started waiting. Waiting fails at once when the connection closes.
/// </summary>
public sealed class HubPushes<T> : IDisposable
{
    private readonly HubConnection _connection;
    private readonly IDisposable _handler;
    private readonly Lock _lock = new();
    private readonly List<Received<T>> _received = [];
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<Received<T>> Done)> _waiters = [];
    private Exception? _closedBecause;

    public HubPushes(HubConnection connection, string method)
    {
        _connection = connection;
        _handler = connection.On<T>(method, Add);
        connection.Closed += OnClosedAsync;
    }

    /// <summary>Every push so far, oldest first.</summary>
    public IReadOnlyList<T> All
    {
        get { lock (_lock) return [.. _received.Select(r => r.Value)]; }
    }

    /// <summary>The first push (already received or still to come) that matches, with the time it arrived.</summary>
    public async Task<Received<T>> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout)
    {
        TaskCompletionSource<Received<T>> done;
        lock (_lock)
        {
            if (_received.FirstOrDefault(r => predicate(r.Value)) is { } already)
                return already;
            if (_closedBecause is not null)
                throw new InvalidOperationException("The hub connection is closed.", _closedBecause);
            done = new TaskCompletionSource<Received<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_lock) _waiters.RemoveAll(w => w.Done == done);
            throw new TimeoutException($"No matching push within {timeout.TotalSeconds:0.#} s; received: {Describe()}.");
        }
    }

    public void Dispose()
    {
        _handler.Dispose();
        _connection.Closed -= OnClosedAsync;
    }

    private void Add(T value)
    {
        var received = new Received<T>(value, DateTimeOffset.UtcNow);
        List<TaskCompletionSource<Received<T>>> matched = [];
        lock (_lock)
        {
            _received.Add(received);
            foreach (var waiter in _waiters.Where(w => w.Predicate(value)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Done);
            }
        }
        foreach (var done in matched)
            done.TrySetResult(received);
    }

    private Task OnClosedAsync(Exception? error)
    {
        List<TaskCompletionSource<Received<T>>> waiters;
        lock (_lock)
        {
            _closedBecause ??= error ?? new InvalidOperationException("The connection was stopped.");
            waiters = [.. _waiters.Select(w => w.Done)];
            _waiters.Clear();
        }
        var closed = new InvalidOperationException("The hub connection is closed.", _closedBecause);
        foreach (var waiter in waiters)
            waiter.TrySetException(closed);
        return Task.CompletedTask;
    }

    private string Describe()
    {
        lock (_lock)
            return _received.Count == 0 ? "nothing" : string.Join(", ", _received.Select(r => r.Value));
    }
}

/// <summary>A push and the moment it arrived.</summary>
public sealed record Received<T>(T Value, DateTimeOffset ReceivedAt);
