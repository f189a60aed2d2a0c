using Amazon.SQS;
using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The shared queue contract on SQS (fauxqs), each test with its own queue and dead-letter queue.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsQueueContractTests(LocalAwsFixture aws) : QueueContractTests
{
    private readonly IAmazonSQS _sqs = aws.NewOptions().SqsClientOptions().CreateServiceClient<IAmazonSQS>();

    protected override async Task<ICardQueues> CreateQueuesAsync(QueueOptions options)
    {
        await SqsQueueSetup.EnsureQueuesAsync(_sqs, options);
        return new SqsCardQueues(_sqs, options);
    }

    public override Task DisposeAsync()
    {
        _sqs.Dispose();
        return Task.CompletedTask;
    }
}
