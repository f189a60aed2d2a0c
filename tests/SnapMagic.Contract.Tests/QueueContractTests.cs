using System.Collections.Concurrent;
using System.Diagnostics;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests;

/// <summary>
/// What every <see cref="ICardQueues"/> must do, SQS semantics included. A backend runs it by subclassing and
/// building fresh queues in <see cref="CreateQueuesAsync"/>. No test sleeps: a long-poll receive with a wait
/// longer than the visibility timeout is how a test waits for a lease to run out.
/// </summary>
public abstract class QueueContractTests : IAsyncLifetime
{
    /// <summary>
    /// Builds a job queue and its dead-letter queue that nothing else uses, named as <paramref name="options"/>
    /// says (unique per call), with its visibility timeout and max receive count.
    /// </summary>
    protected abstract Task<ICardQueues> CreateQueuesAsync(QueueOptions options);

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<ICardQueues> CreateQueuesAsync(int visibilityTimeoutSeconds = 30, int maxReceiveCount = 5)
    {
        var name = $"contract-{Guid.NewGuid():N}"[..24];
        return CreateQueuesAsync(new QueueOptions
        {
            Name = name,
            DeadLetterName = $"{name}-dlq",
            VisibilityTimeoutSeconds = visibilityTimeoutSeconds,
            MaxReceiveCount = maxReceiveCount,
            WaitTimeSeconds = 1,
        });
    }

    [Fact]
    public async Task Send_then_receive_round_trips_the_body_and_the_attributes()
    {
        var queues = await CreateQueuesAsync();
        var attributes = new Dictionary<string, string>
        {
            [MessageAttributes.CorrelationId] = "0123456789abcdef0123456789abcdef",
            [MessageAttributes.TraceParent] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            [MessageAttributes.TraceState] = "vendor=value",
        };

        var messageId = await queues.Jobs.SendAsync(new OutgoingMessage("""{"correlationId":"0123456789abcdef0123456789abcdef"}""", attributes));
        var message = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        Assert.Equal(messageId, message.MessageId);
        Assert.Equal("""{"correlationId":"0123456789abcdef0123456789abcdef"}""", message.Body);
        Assert.Equal(attributes, message.Attributes.ToDictionary());
        Assert.Equal(1, message.ReceiveCount);
        Assert.False(string.IsNullOrEmpty(message.ReceiptHandle));
        Assert.InRange(message.SentAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_body_that_is_no_card_message_is_still_just_a_message()
    {
        var queues = await CreateQueuesAsync();
        const string poison = "not json { \"correlationId\": ünïcödé \u2603 ' ; DROP TABLE messages; --";

        await queues.Jobs.SendAsync(new OutgoingMessage(poison));
        var message = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        Assert.Equal(poison, message.Body);
        Assert.Empty(message.Attributes);
    }

    [Fact]
    public async Task A_received_message_is_hidden_while_its_lease_lasts()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 30);
        await queues.Jobs.SendAsync(new OutgoingMessage("leased"));

        await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        Assert.Empty(await queues.Jobs.ReceiveAsync(10, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task A_receive_returns_at_most_max_messages_and_each_message_once()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 30);
        var sent = new HashSet<string>();
        for (var i = 0; i < 5; i++)
            sent.Add(await queues.Jobs.SendAsync(new OutgoingMessage($"message {i}")));

        var first = await queues.Jobs.ReceiveAsync(3, TimeSpan.FromSeconds(5));
        Assert.InRange(first.Count, 1, 3);
        var all = first.Select(m => m.MessageId).ToList();
        var deadline = Stopwatch.StartNew();
        while (all.Count < sent.Count && deadline.Elapsed < TimeSpan.FromSeconds(10))
            all.AddRange((await queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(1))).Select(m => m.MessageId));

        Assert.Equal(sent.Order(), all.Order());
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_a_message_arrives()
    {
        var queues = await CreateQueuesAsync();
        var clock = Stopwatch.StartNew();
        var receive = queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(10));

        await queues.Jobs.SendAsync(new OutgoingMessage("arrives while polling"));
        var received = await receive;

        Assert.Equal("arrives while polling", Assert.Single(received).Body);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the long poll took {clock.Elapsed} for a message sent at once");
    }

    [Fact]
    public async Task An_expired_lease_redelivers_the_message_with_a_higher_receive_count_and_a_new_receipt()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 1);
        await queues.Jobs.SendAsync(new OutgoingMessage("expires"));
        var first = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        // Waits longer than the 1 s lease: the message must come back within it.
        var again = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(6));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
        Assert.NotEqual(first.ReceiptHandle, again.ReceiptHandle);
    }

    [Fact]
    public async Task Change_visibility_to_zero_releases_the_message_at_once()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 30);
        await queues.Jobs.SendAsync(new OutgoingMessage("released"));
        var first = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        await queues.Jobs.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero);
        var again = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task A_heartbeat_extension_keeps_the_message_hidden_past_the_original_lease()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 1);
        await queues.Jobs.SendAsync(new OutgoingMessage("heartbeat"));
        var first = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        await queues.Jobs.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.FromSeconds(30));

        // Three times the original 1 s lease: without the extension the message would be back by now.
        Assert.Empty(await queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(3)));
        Assert.Equal(new QueueDepth(0, 1), await queues.Jobs.GetDepthAsync());
        // The extended lease still holds the message: the handle can release it.
        await queues.Jobs.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero);
        Assert.Equal(first.MessageId, (await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5))).MessageId);
    }

    [Fact]
    public async Task A_deleted_message_never_comes_back()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 1);
        await queues.Jobs.SendAsync(new OutgoingMessage("deleted"));
        var message = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));

        await queues.Jobs.DeleteAsync(message.ReceiptHandle);

        // Longer than the 1 s lease: an undeleted message would have come back.
        Assert.Empty(await queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(2.5)));
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task Past_the_max_receive_count_the_message_moves_to_the_dead_letter_queue()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 30, maxReceiveCount: 2);
        var attributes = new Dictionary<string, string> { [MessageAttributes.CorrelationId] = "0123456789abcdef0123456789abcdef" };
        await queues.Jobs.SendAsync(new OutgoingMessage("fails every time", attributes));

        for (var expectedCount = 1; expectedCount <= 2; expectedCount++)
        {
            var message = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(5));
            Assert.Equal(expectedCount, message.ReceiveCount);
            await queues.Jobs.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        }

        // The third receive finds it received twice already: it goes to the dead-letter queue, not to us.
        Assert.Empty(await queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(1)));
        var dead = await ReceiveOneAsync(queues.DeadLetters, TimeSpan.FromSeconds(5));
        Assert.Equal("fails every time", dead.Body);
        Assert.Equal(attributes, dead.Attributes.ToDictionary());
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());

        await queues.DeadLetters.DeleteAsync(dead.ReceiptHandle);
        Assert.Equal(new QueueDepth(0, 0), await queues.DeadLetters.GetDepthAsync());
    }

    [Fact]
    public async Task Concurrent_consumers_never_hold_the_same_message()
    {
        const int messageCount = 50;
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 60);
        var sent = new HashSet<string>();
        for (var i = 0; i < messageCount; i++)
            sent.Add(await queues.Jobs.SendAsync(new OutgoingMessage($"job {i}")));

        var received = new ConcurrentBag<string>();
        var deadline = Stopwatch.StartNew();
        async Task ConsumeAsync()
        {
            while (received.Count < messageCount && deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                foreach (var message in await queues.Jobs.ReceiveAsync(3, TimeSpan.FromMilliseconds(500)))
                    received.Add(message.MessageId);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ConsumeAsync)));

        // Leases last 60 s, so a message seen twice would mean two consumers held it at once.
        Assert.Equal(messageCount, received.Count);
        Assert.Equal(sent.Order(), received.Order());
    }

    [Fact]
    public async Task Depth_counts_visible_and_in_flight_messages()
    {
        var queues = await CreateQueuesAsync(visibilityTimeoutSeconds: 30);
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
        for (var i = 0; i < 3; i++)
            await queues.Jobs.SendAsync(new OutgoingMessage($"depth {i}"));
        Assert.Equal(new QueueDepth(3, 0), await queues.Jobs.GetDepthAsync());

        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(5)));
        Assert.Equal(new QueueDepth(2, 1), await queues.Jobs.GetDepthAsync());

        await queues.Jobs.DeleteAsync(message.ReceiptHandle);
        Assert.Equal(new QueueDepth(2, 0), await queues.Jobs.GetDepthAsync());
        Assert.Equal(new QueueDepth(0, 0), await queues.DeadLetters.GetDepthAsync());
    }

    [Fact]
    public async Task A_delayed_message_is_received_only_once_its_delay_has_passed()
    {
        var queues = await CreateQueuesAsync();
        var delay = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();

        await queues.Jobs.SendAsync(new OutgoingMessage("check the video again", Delay: delay));

        // Delayed, as SQS counts it: neither waiting to be received nor in flight.
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
        Assert.Empty(await queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(1)));
        var message = await ReceiveOneAsync(queues.Jobs, TimeSpan.FromSeconds(10));
        Assert.Equal("check the video again", message.Body);
        Assert.Equal(1, message.ReceiveCount);
        Assert.True(clock.Elapsed >= delay, $"a message sent with a {delay} delay arrived after {clock.Elapsed}");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(15 * 60 * 1000 + 1)]
    public async Task A_delay_outside_zero_to_fifteen_minutes_is_refused_and_sends_nothing(int delayMilliseconds)
    {
        var queues = await CreateQueuesAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            queues.Jobs.SendAsync(new OutgoingMessage("never sent", Delay: TimeSpan.FromMilliseconds(delayMilliseconds))));

        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
        Assert.Empty(await queues.Jobs.ReceiveAsync(10, TimeSpan.Zero));
    }

    /// <summary>Long-polls until exactly one message arrives; fails if none does within <paramref name="wait"/>.</summary>
    protected static async Task<QueueMessage> ReceiveOneAsync(IMessageQueue queue, TimeSpan wait)
    {
        var messages = await queue.ReceiveAsync(1, wait);
        Assert.True(messages.Count == 1, $"expected one message from '{queue.Name}' within {wait}, got {messages.Count}");
        return messages[0];
    }
}
