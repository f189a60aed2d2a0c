using Amazon.DynamoDBv2;
using Amazon.SQS;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Aws.Sqs;
using SnapMagic.Backends;
using SnapMagic.Cards;
using SnapMagic.Queueing;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The submission contract on DynamoDB (dynalite) and SQS (fauxqs), and what a refused send does there.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsCardSubmissionsTests(LocalAwsFixture aws) : CardSubmissionsContractTests
{
    private readonly IAmazonSQS _sqs = aws.NewOptions().SqsClientOptions().CreateServiceClient<IAmazonSQS>();
    private readonly IAmazonDynamoDB _dynamoDb = aws.NewOptions().DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>();

    protected override async Task<Backend> CreateBackendAsync(QueueOptions options)
    {
        await SqsQueueSetup.EnsureQueuesAsync(_sqs, options);
        return await CreateBackendOnAsync(new SqsCardQueues(_sqs, options));
    }

    [Fact]
    public async Task A_refused_send_marks_the_stored_job_failed_with_a_readable_message()
    {
        // Queues that were never created: SQS refuses every send to them.
        var backend = await CreateBackendOnAsync(new SqsCardQueues(_sqs, new QueueOptions
        {
            Name = LocalAwsFixture.UniqueName("missing"),
            DeadLetterName = LocalAwsFixture.UniqueName("missing-dlq"),
        }));
        var job = NewJob();

        var submission = await backend.Submissions.SubmitAsync(job, AttributesOf(job));

        Assert.Equal(CardSubmissionOutcome.QueueRefused, submission.Outcome);
        Assert.Equal((CardStatus.Failed, ICardSubmissions.QueueFailedMessage), (submission.Job.Status, submission.Job.Error));
        var stored = await backend.Store.GetAsync(job.CorrelationId);
        Assert.Equal((CardStatus.Failed, ICardSubmissions.QueueFailedMessage), (stored?.Status, stored?.Error));
    }

    public override Task DisposeAsync()
    {
        _sqs.Dispose();
        _dynamoDb.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Backend> CreateBackendOnAsync(ICardQueues queues)
    {
        var table = LocalAwsFixture.UniqueName("submit");
        await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, table, TimeSpan.FromSeconds(30));
        var store = new DynamoDbJobStore(_dynamoDb, table, TimeSpan.FromDays(AwsBackendExtensions.DefaultRetentionDays));
        return new Backend(new StoreThenSendCardSubmissions(store, queues, TimeProvider.System, NullLogger<StoreThenSendCardSubmissions>.Instance), store, queues);
    }
}
