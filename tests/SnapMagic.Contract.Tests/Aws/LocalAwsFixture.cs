using SnapMagic.Aws;
using SnapMagic.TestSupport.LocalAws;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>One fauxqs (SQS + S3) and one dynalite (DynamoDB) for every AWS test of the run; each test uses fresh names.</summary>
public sealed class LocalAwsFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";

    public FauxqsServer Fauxqs { get; private set; } = null!;
    public DynaliteServer Dynalite { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var fauxqs = FauxqsServer.StartAsync();
        var dynalite = DynaliteServer.StartAsync();
        try
        {
            await Task.WhenAll(fauxqs, dynalite);
        }
        catch
        {
            // WhenAll waited for both: stop the one that did start.
            if (fauxqs.IsCompletedSuccessfully)
                await fauxqs.Result.DisposeAsync();
            if (dynalite.IsCompletedSuccessfully)
                await dynalite.Result.DisposeAsync();
            throw;
        }
        Fauxqs = fauxqs.Result;
        Dynalite = dynalite.Result;
    }

    /// <summary>Options that point every AWS adapter at the local servers, with a unique table and bucket.</summary>
    public AwsOptions NewOptions()
    {
        var name = UniqueName("cards");
        return new AwsOptions
        {
            Region = Region,
            SqsServiceUrl = Fauxqs.Endpoint.ToString(),
            S3ServiceUrl = Fauxqs.Endpoint.ToString(),
            DynamoDbServiceUrl = Dynalite.Endpoint.ToString(),
            AccessKeyId = "test",
            SecretAccessKey = "test",
            TableName = name,
            BucketName = name,
        };
    }

    /// <summary>A lower-case name valid for a queue, a table and a bucket alike.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..16]}";

    public async Task DisposeAsync()
    {
        await Fauxqs.DisposeAsync();
        await Dynalite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LocalAwsCollection : ICollectionFixture<LocalAwsFixture>
{
    public const string Name = "Local AWS servers";
}
