using Amazon.S3;
using SnapMagic.Aws;
using SnapMagic.Aws.S3;
using SnapMagic.Storage;
using SnapMagic.Backends;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The shared image store contract on S3 (fauxqs), each test with its own bucket.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsImageStoreContractTests(LocalAwsFixture aws) : ImageStoreContractTests
{
    private readonly IAmazonS3 _s3 = aws.NewOptions().S3ClientOptions().CreateServiceClient<IAmazonS3>();

    protected override async Task<IImageStore> CreateStoreAsync()
    {
        var bucket = LocalAwsFixture.UniqueName("contract");
        await S3BucketSetup.EnsureBucketAsync(_s3, bucket, AwsBackendExtensions.DefaultRetentionDays, realAws: false);
        return new S3ImageStore(_s3, bucket);
    }

    public override Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }
}
