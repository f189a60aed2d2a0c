using Microsoft.Data.Sqlite;
using SnapMagic.Embedded;

namespace SnapMagic.UnitTests.Embedded;

public sealed class SqliteWriteBatchesTests : IDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "snapmagic-unit", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;

    public SqliteWriteBatchesTests() => _database = new SqliteDatabase(Path.Combine(_directory, "items.db"), Schema);

    [Fact]
    public async Task Writes_made_at_once_all_commit_each_with_its_own_result()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => InsertAsync($"item {i}"))));

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"item {i}").Order(), Names().Order());
    }

    [Fact]
    public async Task A_write_that_throws_in_a_batch_fails_alone_and_leaves_nothing_behind()
    {
        await InsertAsync("taken");
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // The first write holds the gate, so the three after it wait and run as one batch once it ends.
        var holding = Task.Run(() => _database.WriteAsync((connection, transaction) =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return Insert(connection, transaction, "first");
        }, CancellationToken.None));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));

        var before = InsertAsync("before");
        var failing = _database.WriteAsync<long>((connection, transaction) =>
        {
            Insert(connection, transaction, "half-written");
            return Insert(connection, transaction, "taken");
        }, CancellationToken.None);
        var after = InsertAsync("after");
        release.Set();

        await holding;
        await before;
        await after;
        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(["after", "before", "first", "taken"], Names().Order());
    }

    [Fact]
    public async Task After_dispose_a_write_fails_instead_of_reopening_the_file()
    {
        _database.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => InsertAsync("late"));
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<long> InsertAsync(string name) =>
        _database.WriteAsync((connection, transaction) => Insert(connection, transaction, name), CancellationToken.None);

    private static long Insert(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO items (name) VALUES (@name) RETURNING id";
        command.Parameters.AddWithValue("@name", name);
        return (long)command.ExecuteScalar()!;
    }

    private List<string> Names()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM items";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }
}
