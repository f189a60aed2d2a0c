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
    private readonly SqliteWriteBatches _writes;

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
        _writes = new SqliteWriteBatches(Open);

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
        // Per connection: SQLite itself waits for another process's write lock. Microsoft.Data.Sqlite never sets a busy
        // timeout; without one a locked write returns SQLITE_BUSY at once and the library sleeps 150 ms before each retry.
        Execute(connection, $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a write transaction with other writes of this process (see
    /// <see cref="SqliteWriteBatches"/>); its result once that transaction committed. Commands come from
    /// <see cref="PreparedCommands"/>, with the transaction given. A write may run twice (its batch rolled back when
    /// another write failed), so anything it changes besides the database must be safe to change twice.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) =>
        _writes.WriteAsync(write, cancellationToken);

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

    /// <summary>A <c>SELECT key, COUNT(*) … GROUP BY key</c> as a dictionary (keys never null: the query filters them).</summary>
    public static Dictionary<string, long> CountsBy(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    public void Dispose()
    {
        _writes.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
