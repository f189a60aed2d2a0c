using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>What SQS adds to the shared queue contract (fauxqs): queue setup, batch delete, typed errors, stale handles.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class SqsClientTests(LocalAwsFixture aws) : IDisposable
{
    private readonly SqsClient _client = SqsClient.Create(aws.NewOptions());

    private async Task<(SqsCardQueues Queues, QueueOptions Options)> NewQueuesAsync()
    {
        var name = LocalAwsFixture.UniqueName("cards");
        var options = new QueueOptions { Name = name, DeadLetterName = name + "-dlq" };
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
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Handles_of_deleted_or_unknown_messages_are_ignored_by_delete_and_refused_by_change_visibility()
    {
        var (queues, _) = await NewQueuesAsync();
        await queues.Jobs.SendAsync(new OutgoingMessage("deleted"));
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        await queues.Jobs.DeleteAsync(message.ReceiptHandle);

        await queues.Jobs.DeleteAsync(message.ReceiptHandle);
        await queues.Jobs.DeleteAsync("not-a-receipt-handle");
        var lost = await Assert.ThrowsAsync<MessageLeaseLostException>(() => queues.Jobs.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<MessageLeaseLostException>(() => queues.Jobs.ChangeVisibilityAsync("not-a-receipt-handle", TimeSpan.Zero));
        Assert.Equal(queues.Jobs.Name, lost.QueueName);
    }

    [Fact]
    public async Task Other_errors_keep_the_server_code_and_message()
    {
        var (queues, options) = await NewQueuesAsync();
        await queues.Jobs.SendAsync(new OutgoingMessage("x"));
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        var url = await _client.GetQueueUrlAsync(options.Name);

        var error = await Assert.ThrowsAsync<SqsException>(() => _client.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 50_000));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("VisibilityTimeout", error.Message);
    }

    public void Dispose() => _client.Dispose();
}
