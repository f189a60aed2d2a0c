using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SnapMagic.Embedded;
using SnapMagic.Queueing;
using SnapMagic.TestSupport;

namespace SnapMagic.Contract.Tests.Embedded;

/// <summary>What the embedded queue adds to the contract: its stale-handle rule and several processes on one file.</summary>
public sealed class EmbeddedQueueTests : IDisposable
{
    private readonly TemporaryDataDirectories _directories = new();

    public void Dispose() => _directories.Dispose();

    private SqliteCardQueues NewQueues(string? directory = null, int visibilityTimeoutSeconds = 30, int maxReceiveCount = 5, TimeProvider? time = null) =>
        _directories.Own(new SqliteCardQueues(directory ?? _directories.New(), new QueueOptions
        {
            VisibilityTimeoutSeconds = visibilityTimeoutSeconds,
            MaxReceiveCount = maxReceiveCount,
        }, time));

    [Fact]
    public async Task A_handle_from_an_earlier_receive_neither_deletes_nor_extends_the_message()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queues = NewQueues(time: clock);
        await queues.Jobs.SendAsync(new OutgoingMessage("redelivered"));
        var stale = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromSeconds(31));
        var current = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));

        await queues.Jobs.DeleteAsync(stale.ReceiptHandle);
        await Assert.ThrowsAsync<MessageLeaseLostException>(() => queues.Jobs.ChangeVisibilityAsync(stale.ReceiptHandle, TimeSpan.Zero));

        Assert.Equal(new QueueDepth(0, 1), await queues.Jobs.GetDepthAsync());
        await queues.Jobs.ChangeVisibilityAsync(current.ReceiptHandle, TimeSpan.Zero);
        var third = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal(3, third.ReceiveCount);
    }

    [Fact]
    public async Task An_expired_lease_cannot_be_extended_but_its_latest_handle_still_deletes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queues = NewQueues(time: clock);
        await queues.Jobs.SendAsync(new OutgoingMessage("expired"));
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromSeconds(31));

        var lost = await Assert.ThrowsAsync<MessageLeaseLostException>(
            () => queues.Jobs.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(30)));
        Assert.Equal(queues.Jobs.Name, lost.QueueName);
        Assert.Equal(new QueueDepth(1, 0), await queues.Jobs.GetDepthAsync());

        await queues.Jobs.DeleteAsync(message.ReceiptHandle);
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task Handles_of_deleted_or_unknown_messages_are_ignored_by_delete_and_refused_by_change_visibility()
    {
        var queues = NewQueues();
        await queues.Jobs.SendAsync(new OutgoingMessage("deleted"));
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        await queues.Jobs.DeleteAsync(message.ReceiptHandle);

        await queues.Jobs.DeleteAsync(message.ReceiptHandle);
        await queues.Jobs.DeleteAsync("not-a-receipt-handle");
        await Assert.ThrowsAsync<MessageLeaseLostException>(() => queues.Jobs.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<MessageLeaseLostException>(() => queues.Jobs.ChangeVisibilityAsync("not-a-receipt-handle", TimeSpan.Zero));
    }

    [Fact]
    public async Task A_handle_of_one_queue_does_not_touch_the_other()
    {
        var queues = NewQueues();
        await queues.Jobs.SendAsync(new OutgoingMessage("job"));
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));

        await queues.DeadLetters.DeleteAsync(message.ReceiptHandle);

        Assert.Equal(new QueueDepth(0, 1), await queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task Two_instances_over_one_folder_share_the_queue_and_never_lease_a_message_twice()
    {
        // The Api and each worker process open the same files; two instances stand in for two processes.
        var directory = _directories.New();
        var api = NewQueues(directory);
        var worker = NewQueues(directory);
        var sent = new HashSet<string>();
        for (var i = 0; i < 40; i++)
            sent.Add(await api.Jobs.SendAsync(new OutgoingMessage($"job {i}")));

        var received = new ConcurrentBag<string>();
        var deadline = Stopwatch.StartNew();
        async Task ConsumeAsync(IMessageQueue queue)
        {
            while (received.Count < sent.Count && deadline.Elapsed < TimeSpan.FromSeconds(15))
                foreach (var message in await queue.ReceiveAsync(2, TimeSpan.FromMilliseconds(300)))
                    received.Add(message.MessageId);
        }
        await Task.WhenAll(new[] { api.Jobs, api.Jobs, worker.Jobs, worker.Jobs }.Select(q => Task.Run(() => ConsumeAsync(q))));

        Assert.Equal(sent.Order(), received.Order());
        Assert.Equal(new QueueDepth(0, 40), await worker.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_long_poll_finds_a_message_another_process_sent_without_a_signal()
    {
        var directory = _directories.New();
        var queues = NewQueues(directory);
        var receive = queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(10));

        // Another process's send reaches this one only through the table, never through the in-process signal.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "jobs.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at)
                VALUES ('from-another-process', @queue, 'hello', '{}', 0, 0)
                """;
            command.Parameters.AddWithValue("@queue", queues.Jobs.Name);
            command.ExecuteNonQuery();
        }

        var message = Assert.Single(await receive);
        Assert.Equal("from-another-process", message.MessageId);
    }

    [Fact]
    public async Task A_message_moved_to_the_dead_letter_queue_keeps_its_id_and_starts_counting_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queues = NewQueues(maxReceiveCount: 1, time: clock);
        var id = await queues.Jobs.SendAsync(new OutgoingMessage("poison"));
        Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        var dead = Assert.Single(await queues.DeadLetters.ReceiveAsync(1, TimeSpan.Zero));

        Assert.Equal(id, dead.MessageId);
        Assert.Equal(1, dead.ReceiveCount);
        // The dead-letter queue has no redrive: its messages come back however often they are received.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(2, Assert.Single(await queues.DeadLetters.ReceiveAsync(1, TimeSpan.Zero)).ReceiveCount);
    }

    [Fact]
    public async Task A_long_poll_ends_when_its_token_is_cancelled()
    {
        var queues = NewQueues();
        using var cancellation = new CancellationTokenSource();
        var receive = queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(20), cancellation.Token);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receive);
    }

    [Fact]
    public async Task A_delayed_message_becomes_receivable_exactly_when_its_delay_ends_by_the_queue_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queues = NewQueues(time: clock);
        var sentAt = clock.GetUtcNow();

        await queues.Jobs.SendAsync(new OutgoingMessage("check again", Delay: TimeSpan.FromSeconds(90)));

        clock.Advance(TimeSpan.FromSeconds(90) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal(sentAt.ToUnixTimeMilliseconds(), message.SentAt.ToUnixTimeMilliseconds());
        Assert.Equal(new QueueDepth(0, 1), await queues.Jobs.GetDepthAsync());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(11, 1)]
    [InlineData(1, -1)]
    [InlineData(1, 21)]
    public async Task Receive_refuses_counts_and_waits_outside_the_SQS_limits(int maxMessages, int waitSeconds)
    {
        var queues = NewQueues();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queues.Jobs.ReceiveAsync(maxMessages, TimeSpan.FromSeconds(waitSeconds)));
    }

    [Fact]
    public void The_data_folder_is_created_and_the_database_uses_the_WAL_journal()
    {
        var directory = Path.Combine(_directories.New(), "nested", "data");
        NewQueues(directory);

        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "jobs.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
