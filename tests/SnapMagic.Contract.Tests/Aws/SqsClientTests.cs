using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The SQS JSON client and queue setup against fauxqs.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class SqsClientTests(LocalAwsFixture aws) : IDisposable
{
    private readonly SqsClient _client = SqsClient.Create(aws.NewOptions());

    private async Task<(SqsCardQueues Queues, QueueOptions Options)> NewQueuesAsync(int maxReceiveCount = 5)
    {
        var name = LocalAwsFixture.UniqueName("cards");
        var options = new QueueOptions { Name = name, DeadLetterName = name + "-dlq", MaxReceiveCount = maxReceiveCount, VisibilityTimeoutSeconds = 30 };
        await SqsQueueSetup.EnsureQueuesAsync(_client, options);
        return (new SqsCardQueues(_client, options), options);
    }

    [Fact]
    public async Task Setup_creates_the_dead_letter_queue_and_the_queue_once()
    {
        var name = LocalAwsFixture.UniqueName("setup");
        var options = new QueueOptions { Name = name, DeadLetterName = name + "-dlq", MaxReceiveCount = 3, VisibilityTimeoutSeconds = 42 };

        var first = await SqsQueueSetup.EnsureQueuesAsync(_client, options);
        var second = await SqsQueueSetup.EnsureQueuesAsync(_client, options);

        Assert.Equal([$"SQS queue {name}-dlq", $"SQS queue {name}"], first);
        Assert.Empty(second);
        var url = await _client.GetQueueUrlAsync(name);
        var attributes = await _client.GetQueueAttributesAsync(url, ["VisibilityTimeout", "RedrivePolicy"]);
        Assert.Equal("42", attributes["VisibilityTimeout"]);
        using var redrive = System.Text.Json.JsonDocument.Parse(attributes["RedrivePolicy"]);
        Assert.Equal("3", redrive.RootElement.GetProperty("maxReceiveCount").ToString());
        Assert.EndsWith($":{name}-dlq", redrive.RootElement.GetProperty("deadLetterTargetArn").GetString());
    }

    [Fact]
    public async Task A_sent_message_arrives_with_its_attributes_receive_count_and_sent_time()
    {
        var (queues, _) = await NewQueuesAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var attributes = new Dictionary<string, string>
        {
            [MessageAttributes.CorrelationId] = "0123456789abcdef0123456789abcdef",
            [MessageAttributes.TraceParent] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        };

        var id = await queues.Jobs.SendAsync(new OutgoingMessage("""{"correlationId":"0123456789abcdef0123456789abcdef"}""", attributes));
        var received = Assert.Single(await queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(1)));

        Assert.Equal(id, received.MessageId);
        Assert.Equal("""{"correlationId":"0123456789abcdef0123456789abcdef"}""", received.Body);
        Assert.Equal(attributes, received.Attributes);
        Assert.Equal(1, received.ReceiveCount);
        Assert.InRange(received.SentAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(string.IsNullOrEmpty(received.ReceiptHandle));
    }

    [Fact]
    public async Task A_leased_message_is_invisible_until_released_and_counts_every_receive()
    {
        var (queues, _) = await NewQueuesAsync();
        await queues.Jobs.SendAsync(new OutgoingMessage("hello"));

        var first = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Empty(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal(new QueueDepth(0, 1), await queues.Jobs.GetDepthAsync());

        await queues.Jobs.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero);
        var second = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(1)));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ReceiveCount);
        await queues.Jobs.DeleteAsync(second.ReceiptHandle);
        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task Past_the_max_receive_count_a_message_moves_to_the_dead_letter_queue()
    {
        var (queues, _) = await NewQueuesAsync(maxReceiveCount: 2);
        await queues.Jobs.SendAsync(new OutgoingMessage("poison"));

        for (var i = 0; i < 2; i++)
        {
            var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
            await queues.Jobs.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        }

        Assert.Empty(await queues.Jobs.ReceiveAsync(1, TimeSpan.Zero));
        var dead = Assert.Single(await queues.DeadLetters.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal("poison", dead.Body);
    }

    [Fact]
    public async Task Long_polling_returns_a_message_sent_while_waiting()
    {
        var (queues, _) = await NewQueuesAsync();
        var receive = queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(10));

        await queues.Jobs.SendAsync(new OutgoingMessage("late"));

        Assert.Equal("late", Assert.Single(await receive).Body);
    }

    [Fact]
    public async Task Batch_delete_removes_every_message()
    {
        var (queues, options) = await NewQueuesAsync();
        for (var i = 0; i < 3; i++)
            await queues.Jobs.SendAsync(new OutgoingMessage($"m{i}"));
        var url = await _client.GetQueueUrlAsync(options.Name);
        var received = new List<QueueMessage>();
        while (received.Count < 3)
            received.AddRange(await _client.ReceiveMessagesAsync(url, 10, 1));

        await _client.DeleteMessageBatchAsync(url, received.Select(m => m.ReceiptHandle).ToList());

        Assert.Equal(new QueueDepth(0, 0), await queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task An_unknown_queue_is_a_typed_error()
    {
        var queue = new SqsMessageQueue(_client, LocalAwsFixture.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => queue.SendAsync(new OutgoingMessage("x")));

        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_invalid_request_is_an_sqs_error_with_the_server_code()
    {
        var (_, options) = await NewQueuesAsync();
        var url = await _client.GetQueueUrlAsync(options.Name);

        var error = await Assert.ThrowsAnyAsync<SqsException>(() => _client.ChangeMessageVisibilityAsync(url, "not-a-receipt-handle", 10));

        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    public void Dispose() => _client.Dispose();
}
