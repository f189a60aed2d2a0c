using Amazon.DynamoDBv2;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Backends;
using SnapMagic.Feedback;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The shared feedback store contract on DynamoDB (dynalite), each test with its own table.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsFeedbackStoreContractTests(LocalAwsFixture aws) : FeedbackStoreContractTests
{
    private readonly IAmazonDynamoDB _dynamoDb = aws.NewOptions().DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>();

    protected override async Task<IFeedbackStore> CreateStoreAsync()
    {
        var table = LocalAwsFixture.UniqueName("feedback");
        await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, table, TimeSpan.FromSeconds(30));
        return new DynamoDbFeedbackStore(_dynamoDb, table, TimeSpan.FromDays(AwsBackendExtensions.DefaultRetentionDays));
    }

    public override Task DisposeAsync()
    {
        _dynamoDb.Dispose();
        return Task.CompletedTask;
    }
}
