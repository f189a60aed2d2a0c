using Amazon.DynamoDBv2;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Storage;
using SnapMagic.Backends;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The shared job store contract on DynamoDB (dynalite), each test with its own table.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsJobStoreContractTests(LocalAwsFixture aws) : JobStoreContractTests
{
    private readonly IAmazonDynamoDB _dynamoDb = aws.NewOptions().DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>();

    protected override async Task<IJobStore> CreateStoreAsync()
    {
        var table = LocalAwsFixture.UniqueName("contract");
        await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, table, TimeSpan.FromSeconds(30));
        return new DynamoDbJobStore(_dynamoDb, table, TimeSpan.FromDays(AwsBackendExtensions.DefaultRetentionDays));
    }

    public override Task DisposeAsync()
    {
        _dynamoDb.Dispose();
        return Task.CompletedTask;
    }
}
