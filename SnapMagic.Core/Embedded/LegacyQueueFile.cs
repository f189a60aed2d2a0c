using Microsoft.Data.Sqlite;

namespace SnapMagic.Embedded;

/// <summary>
/// Earlier versions kept the queues in <c>queues.db</c> beside <c>jobs.db</c>. The first process to open a data folder
/// copies that file's messages (waiting, leased and dead letters alike) into <c>jobs.db</c>, so no card queued before an
/// upgrade is lost; <c>PRAGMA user_version</c> records that it happened, inside the same write transaction, so
/// processes starting together copy once. The old file is left in place (read only from here on) and may be deleted.
/// </summary>
internal static class LegacyQueueFile
{
    public const string FileName = "queues.db";
    private const long Imported = 1;

    public static void ImportOnce(SqliteDatabase database, string legacyPath)
    {
        using var connection = database.Open();
        var attached = File.Exists(legacyPath);
        if (attached)
        {
            using var attach = connection.CreateCommand();
            attach.CommandText = "ATTACH DATABASE @path AS legacy";
            attach.Parameters.AddWithValue("@path", legacyPath);
            attach.ExecuteNonQuery();
        }
        try
        {
            using var transaction = SqliteDatabase.BeginImmediate(connection);
            if (Version(connection, transaction) >= Imported)
                return;
            if (attached && HasMessagesTable(connection, transaction))
            {
                SqliteDatabase.Execute(connection, """
                    INSERT OR IGNORE INTO main.messages (id, queue, body, attributes, sent_at, visible_at, receive_count, receipt)
                    SELECT id, queue, body, attributes, sent_at, visible_at, receive_count, receipt FROM legacy.messages ORDER BY seq
                    """, transaction);
            }
            SqliteDatabase.Execute(connection, $"PRAGMA main.user_version = {Imported}", transaction);
            transaction.Commit();
        }
        finally
        {
            if (attached)
                SqliteDatabase.Execute(connection, "DETACH DATABASE legacy");
        }
    }

    private static long Version(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA main.user_version";
        return (long)command.ExecuteScalar()!;
    }

    private static bool HasMessagesTable(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM legacy.sqlite_master WHERE type = 'table' AND name = 'messages'";
        return (long)command.ExecuteScalar()! > 0;
    }
}
