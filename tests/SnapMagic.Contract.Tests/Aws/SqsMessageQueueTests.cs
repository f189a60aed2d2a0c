using Amazon.SQS;
using Amazon.SQS.Model;
using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>What SQS adds to the shared queue contract (fauxqs): queue setup, SDK errors, stale handles.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class SqsMessageQueueTests(LocalAwsFixture aws) : IDisposable
{
    private readonly IAmazonSQS _sqs = aws.NewOptions().SqsClientOptions().CreateServiceClient<IAmazonSQS>();

    private async Task<SqsCardQueues> NewQueuesAsync()
    {
        var name = LocalAwsFixture.UniqueName("cards");
        var options = new QueueOptions { Name = name, DeadLetterName = name + "-dlq" };
        await SqsQueueSetup.EnsureQueuesAsync(_sqs, options);
        return new SqsCardQueues(_sqs, options);
    }

    [Fact]
    public async Task Setup_creates_the_dead_letter_queue_and_the_queue_with_its_redrive_policy_once()
    {
        var name = LocalAwsFixture.UniqueName("setup");
        var options = new QueueOptions { Name = name, DeadLetterName = name + "-dlq", MaxReceiveCount = 3, VisibilityTimeoutSeconds = 42 };

        var first = await SqsQueueSetup.EnsureQueuesAsync(_sqs, options);
        var second = await SqsQueueSetup.EnsureQueuesAsync(_sqs, options);

        Assert.Equal([$"SQS queue {name}-dlq", $"SQS queue {name}"], first);
        Assert.Empty(second);
        var url = (await _sqs.GetQueueUrlAsync(name)).QueueUrl;
        var attributes = await _sqs.GetQueueAttributesAsync(url, [QueueAttributeName.VisibilityTimeout, QueueAttributeName.RedrivePolicy]);
        Assert.Equal(42, attributes.VisibilityTimeout);
        using var redrive = System.Text.Json.JsonDocument.Parse(attributes.Attributes[QueueAttributeName.RedrivePolicy]);
        Assert.Equal("3", redrive.RootElement.GetProperty("maxReceiveCount").ToString());
        Assert.EndsWith($":{name}-dlq", redrive.RootElement.GetProperty("deadLetterTargetArn").GetString());
    }

    [Fact]
    public async Task An_unknown_queue_is_the_sdks_typed_error_until_the_queue_exists()
    {
        var name = LocalAwsFixture.UniqueName("later");
        var queue = new SqsMessageQueue(_sqs, name);

        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => queue.SendAsync(new OutgoingMessage("x")));
        await _sqs.CreateQueueAsync(name);
        await queue.SendAsync(new OutgoingMessage("y"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("y", Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1))).Body);
    }

    [Fact]
    public async Task Handles_of_deleted_or_unknown_messages_are_ignored_by_delete_and_refused_by_change_visibility()
    {
        var queues = await NewQueuesAsync();
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
    public async Task Other_errors_come_through_with_the_server_code_and_message()
    {
        var queues = await NewQueuesAsync();

        // SQS refuses control characters in a body.
        var error = await Assert.ThrowsAsync<InvalidMessageContentsException>(() => queues.Jobs.SendAsync(new OutgoingMessage("bell \u0007")));

        Assert.Contains("InvalidMessageContents", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), "the server's message");
    }

    [Fact]
    public async Task Without_a_configured_service_url_the_sdk_takes_AWS_ENDPOINT_URL_SQS()
    {
        var options = aws.NewOptions();
        options.SqsServiceUrl = null;
        var name = LocalAwsFixture.UniqueName("env");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SQS", aws.Fauxqs.Endpoint.ToString());
        try
        {
            using var sqs = options.SqsClientOptions().CreateServiceClient<IAmazonSQS>();
            await SqsQueueSetup.EnsureQueuesAsync(sqs, new QueueOptions { Name = name, DeadLetterName = name + "-dlq" });
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SQS", null);
        }

        Assert.EndsWith("/" + name, (await _sqs.GetQueueUrlAsync(name)).QueueUrl);
    }

    public void Dispose() => _sqs.Dispose();
}
