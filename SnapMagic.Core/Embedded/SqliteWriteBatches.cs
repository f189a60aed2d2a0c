using Microsoft.Data.Sqlite;

namespace SnapMagic.Embedded;

/// <summary>
/// This process's writes to one SQLite file, run in batches: whoever holds the gate takes every write waiting
/// and runs them in one BEGIN IMMEDIATE transaction, each inside a savepoint so one failing write fails alone.
/// </summary>
/// <remarks>
/// SQLite lets one writer in at a time, so under load writes queue anyway; what each of them costs is taking
/// the write lock and committing. One lock and one commit for a whole batch keeps accepting cards cheap when many
/// arrive at once, and waiting here is async: connections of one process racing for the lock would each block a
/// thread in SQLite's busy handler, which sleeps 1 to 100 ms between tries. Other processes' writers still meet
/// the busy timeout.
/// </remarks>
internal sealed class SqliteWriteBatches(Func<SqliteConnection> open) : IDisposable
{
    private const int MaxBatch = 64;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Queue<PendingWrite> _waiting = new();

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

    public void Dispose() => _gate.Dispose();

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
            using var connection = open();
            using var transaction = SqliteDatabase.BeginImmediate(connection);
            foreach (var write in batch)
            {
                transaction.Save("write");
                try
                {
                    write.Run(connection, transaction);
                    transaction.Release("write");
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    transaction.Rollback("write");
                    transaction.Release("write");
                    write.Fail(ex);
                }
            }
            transaction.Commit();
            foreach (var write in batch)
                write.Complete();
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
                write.Fail(ex);
        }
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
