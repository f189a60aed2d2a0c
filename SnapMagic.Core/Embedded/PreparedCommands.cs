using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SnapMagic.Embedded;

/// <summary>
/// The commands a write runs on its batch's connection, which stays open (see <see cref="SqliteWriteBatches"/>): one
/// per connection and SQL text, prepared on first use and reused after, because parsing a statement cost SQLite more
/// than running it. Only the batch runner uses a writer connection, so its commands are never shared between threads.
/// A command from here belongs to its connection: callers do not dispose it.
/// </summary>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> ByConnection = new();

    public static SqliteCommand For(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var commands = ByConnection.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }
}
