using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The shared queue contract on SQS (fauxqs), each test with its own queue and dead-letter queue.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsQueueContractTests(LocalAwsFixture aws) : QueueContractTests
{
    private readonly SqsClient _client = SqsClient.Create(aws.NewOptions());

    protected override async Task<ICardQueues> CreateQueuesAsync(QueueOptions options)
    {
        await SqsQueueSetup.EnsureQueuesAsync(_client, options);
        return new SqsCardQueues(_client, options);
    }

    public override Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }
}
