using Amazon.DynamoDBv2;
using Amazon.S3;

namespace SnapMagic.Aws;

/// <summary>The SDK clients of the AWS backend, pointed at real AWS or at the configured local server.</summary>
public static class AwsClientFactory
{
    public static AmazonDynamoDBClient CreateDynamoDb(AwsOptions options)
    {
        var region = options.ResolveRegion();
        var config = new AmazonDynamoDBConfig();
        if (options.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region.SystemName;
        }
        else
        {
            config.RegionEndpoint = region;
        }
        return new AmazonDynamoDBClient(AwsCredentialsSource.Resolve(options), config);
    }

    public static AmazonS3Client CreateS3(AwsOptions options)
    {
        var region = options.ResolveRegion();
        var config = new AmazonS3Config();
        if (options.S3Endpoint is { } endpoint)
        {
            // Local servers answer on one host, so the bucket goes in the path, not in a subdomain.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region.SystemName;
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = region;
        }
        return new AmazonS3Client(AwsCredentialsSource.Resolve(options), config);
    }
}
