using System.Data;
using Microsoft.Data.Sqlite;

namespace SnapMagic.Embedded;

/// <summary>
/// One SQLite file that several processes (Api and workers) use at once: WAL journal so readers never block
/// the writer, a busy timeout so a writer waits its turn instead of failing, and short-lived pooled connections.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMs = 10_000;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(string path, string schema)
    {
        FilePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        // WAL is a property of the file, set once; every later connection of every process uses it.
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var transaction = BeginImmediate(connection);
        Execute(connection, schema, transaction);
        transaction.Commit();
    }

    public string FilePath { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection: wait for another process's write lock rather than failing with SQLITE_BUSY.
        Execute(connection, $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="write"/> on its own connection, one write of this process at a time. SQLite lets one
    /// writer in anyway; waiting here costs no thread, while connections of one process racing for the lock each
    /// block a thread in SQLite's busy handler, which sleeps 1 to 100 ms between tries (measured: 16 requests in
    /// flight spent most of their time there). Other processes' writers still meet the busy timeout.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            return write(connection);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock up front, so a read-modify-write never races another process.</summary>
    public static SqliteTransaction BeginImmediate(SqliteConnection connection) =>
        connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _writeGate.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
