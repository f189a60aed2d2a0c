using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnapMagic.Backends;
using SnapMagic.Cards;
using SnapMagic.Embedded;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests.Embedded;

/// <summary>The submission contract on SQLite, and what only one transaction gives: a card is both rows or neither.</summary>
public sealed class EmbeddedCardSubmissionsTests : CardSubmissionsContractTests
{
    private readonly TemporaryDataDirectories _directories = new();

    protected override Task<Backend> CreateBackendAsync(QueueOptions options) => Task.FromResult(CreateBackend(_directories.New(), options));

    [Fact]
    public async Task A_failing_message_write_leaves_no_job_behind()
    {
        var directory = _directories.New();
        var backend = CreateBackend(directory, new QueueOptions());
        // The message insert fails inside the transaction, after the job's insert ran.
        Execute(directory, "CREATE TRIGGER refuse_messages BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'queue refused'); END;");
        var job = NewJob();

        var error = await Assert.ThrowsAsync<SqliteException>(() => backend.Submissions.SubmitAsync(job, AttributesOf(job)));

        Assert.Contains("queue refused", error.Message);
        Assert.Null(await backend.Store.GetAsync(job.CorrelationId));
        Assert.Equal(new QueueDepth(0, 0), await backend.Queues.Jobs.GetDepthAsync());
        // The failure was that card's alone: the next one goes through once the queue takes messages again.
        Execute(directory, "DROP TRIGGER refuse_messages;");
        var next = NewJob();
        Assert.Equal(CardSubmissionOutcome.Queued, (await backend.Submissions.SubmitAsync(next, AttributesOf(next))).Outcome);
    }

    [Fact]
    public async Task The_embedded_backend_registers_the_one_transaction_intake_on_the_shared_file()
    {
        var directory = _directories.New();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = directory });
        builder.AddCardBackend();
        using var host = builder.Build();

        var submissions = host.Services.GetRequiredService<ICardSubmissions>();

        Assert.IsType<SqliteCardSubmissions>(submissions);
        var job = NewJob();
        await submissions.SubmitAsync(job, AttributesOf(job));
        // The registered job store and queue see the card the intake wrote.
        Assert.NotNull(await host.Services.GetRequiredService<IJobStore>().GetAsync(job.CorrelationId));
        Assert.Single(await host.Services.GetRequiredService<ICardQueues>().Jobs.ReceiveAsync(10, TimeSpan.Zero));
    }

    [Fact]
    public async Task Messages_queued_in_an_older_queues_file_are_carried_over_once()
    {
        var directory = _directories.New();
        Execute(directory, """
            CREATE TABLE messages (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, queue TEXT NOT NULL, body TEXT NOT NULL,
                attributes TEXT NOT NULL, sent_at INTEGER NOT NULL, visible_at INTEGER NOT NULL,
                receive_count INTEGER NOT NULL DEFAULT 0, receipt TEXT NULL UNIQUE);
            INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at) VALUES ('queued-before-the-upgrade', 'cards', 'hello', '{}', 0, 0);
            """, "queues.db");
        var options = new QueueOptions { Name = "cards", DeadLetterName = "cards-dlq" };

        var backend = CreateBackend(directory, options);

        var message = Assert.Single(await backend.Queues.Jobs.ReceiveAsync(10, TimeSpan.Zero));
        Assert.Equal(("queued-before-the-upgrade", "hello"), (message.MessageId, message.Body));
        await backend.Queues.Jobs.DeleteAsync(message.ReceiptHandle);
        // A process opening the folder later copies nothing again.
        var later = _directories.Own(new SqliteCardQueues(directory, options));
        Assert.Equal(new QueueDepth(0, 0), await later.Jobs.GetDepthAsync());
    }

    public override Task DisposeAsync()
    {
        _directories.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The three ports on one shared file, as <c>AddEmbeddedBackend</c> wires them in a process.</summary>
    private Backend CreateBackend(string directory, QueueOptions options)
    {
        var database = _directories.Own(new SqliteCardDatabase(directory));
        var queues = new SqliteCardQueues(database, options);
        return new Backend(new SqliteCardSubmissions(database, queues), new SqliteJobStore(database), queues);
    }

    private static void Execute(string directory, string sql, string file = SqliteCardDatabase.FileName)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, file)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
