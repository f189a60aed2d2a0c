using Microsoft.Data.Sqlite;

namespace SnapMagic.Embedded;

/// <summary>
/// This process's writes to one SQLite file, run in batches on one connection kept open: whoever holds the gate takes
/// every write waiting and runs them in one BEGIN IMMEDIATE transaction. When one of them throws, the batch is rolled
/// back and each write runs again in a transaction of its own, so one failing write fails alone.
/// </summary>
/// <remarks>
/// SQLite lets one writer in at a time, so under load writes queue anyway; what each of them costs is taking
/// the write lock and committing. One lock and one commit for a whole batch keeps accepting cards cheap when many
/// arrive at once (and no savepoint per write, no connection opened per batch), and waiting here is async:
/// connections of one process racing for the lock would each block a thread in SQLite's busy handler, which sleeps
/// 1 to 100 ms between tries. Other processes' writers still meet the busy timeout.
/// </remarks>
internal sealed class SqliteWriteBatches(Func<SqliteConnection> open) : IDisposable
{
    private const int MaxBatch = 64;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Queue<PendingWrite> _waiting = new();
    /// <summary>This process's one writing connection to the file, kept open: only the gate's holder uses it.</summary>
    private SqliteConnection? _writer;
    private bool _disposed;

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write);
        lock (_lock) _waiting.Enqueue(pending);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (pending.TryCancel())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another batch took the write already: its outcome is the answer.
            return await pending.Result.ConfigureAwait(false);
        }
        try
        {
            // Batches run oldest first and hold at most MaxBatch writes: this one is in one of the next few.
            while (!pending.Result.IsCompleted)
                RunBatch();
        }
        finally
        {
            _gate.Release();
        }
        return await pending.Result.ConfigureAwait(false);
    }

    public void Dispose()
    {
        // A batch still running at shutdown keeps the writer until it ends, for up to 15 s.
        var idle = _gate.Wait(TimeSpan.FromSeconds(15));
        _disposed = true;
        _writer?.Dispose();
        _writer = null;
        if (idle)
            _gate.Release();
    }

    private void RunBatch()
    {
        var batch = new List<PendingWrite>();
        lock (_lock)
        {
            while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
                if (next.TryTake())
                    batch.Add(next);
        }
        if (batch.Count == 0)
            return;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer ??= open();
            if (!TryRunTogether(_writer, batch))
            {
                foreach (var write in batch)
                    RunAlone(_writer, write);
            }
        }
        catch (Exception ex)
        {
            // The connection may be what failed (the file went away, a lock was never granted): the next batch opens another.
            _writer?.Dispose();
            _writer = null;
            foreach (var write in batch)
                write.Fail(ex);
        }
    }

    /// <summary>The whole batch in one transaction; false, with nothing written, when one of its writes threw.</summary>
    private static bool TryRunTogether(SqliteConnection connection, List<PendingWrite> batch)
    {
        using (var transaction = SqliteDatabase.BeginImmediate(connection))
        {
            foreach (var write in batch)
            {
                try
                {
                    write.Run(connection, transaction);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    transaction.Rollback();
                    return false;
                }
            }
            transaction.Commit();
        }
        foreach (var write in batch)
            write.Complete();
        return true;
    }

    /// <summary>One write in a transaction of its own, after its batch failed: only a write that fails alone fails.</summary>
    private static void RunAlone(SqliteConnection connection, PendingWrite write)
    {
        using var transaction = SqliteDatabase.BeginImmediate(connection);
        try
        {
            write.Run(connection, transaction);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            transaction.Rollback();
            write.Fail(ex);
            return;
        }
        transaction.Commit();
        write.Complete();
    }

    private abstract class PendingWrite
    {
        private const int Waiting = 0, Taken = 1, Cancelled = 2;
        private int _state;

        /// <summary>The batch runner claims it; false when its caller gave up first.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        /// <summary>The caller gives up; false when a batch has it already.</summary>
        public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting;

        public abstract void Run(SqliteConnection connection, SqliteTransaction transaction);
        /// <summary>Its batch committed: the result it computed stands.</summary>
        public abstract void Complete();
        public abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, T> write) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private bool _failed;

        public Task<T> Result => _result.Task;

        public override void Run(SqliteConnection connection, SqliteTransaction transaction) => _value = write(connection, transaction);

        public override void Complete()
        {
            if (!_failed)
                _result.TrySetResult(_value!);
        }

        public override void Fail(Exception error)
        {
            _failed = true;
            _result.TrySetException(error);
        }
    }
}
