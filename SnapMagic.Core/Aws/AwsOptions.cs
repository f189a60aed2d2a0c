using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;

namespace SnapMagic.Aws;

/// <summary>
/// Configuration section <c>Aws</c>: where the AWS backend's queue, table and bucket live. With no
/// service URL the SDK finds each endpoint the standard way (<c>AWS_ENDPOINT_URL_SQS</c>, ...,
/// <c>AWS_ENDPOINT_URL</c>, else the real endpoints of the region); a service URL points every (or one)
/// service at a local AWS-compatible server such as fauxqs or dynalite.
/// </summary>
public sealed class AwsOptions
{
    public const string Section = "Aws";

    /// <summary>The data region (SQS, DynamoDB, S3). Empty: the SDK's chain (AWS_REGION, profile).</summary>
    public string? Region { get; set; }

    /// <summary>One endpoint for all three services (local servers); the per-service URLs win over it.</summary>
    public string? ServiceUrl { get; set; }
    public string? SqsServiceUrl { get; set; }
    public string? DynamoDbServiceUrl { get; set; }
    public string? S3ServiceUrl { get; set; }

    /// <summary>
    /// Static keys, used only when both are set (local servers accept any). Otherwise credentials come
    /// from the standard chain (environment, profile/SSO, web identity, container, instance metadata).
    /// </summary>
    public string? AccessKeyId { get; set; }
    public string? SecretAccessKey { get; set; }

    public string TableName { get; set; } = "snapmagic-cards";

    /// <summary>
    /// S3 bucket names are global, so on real AWS this must be set (the CloudFormation stack outputs it).
    /// Against local servers it defaults to <see cref="LocalBucketName"/>.
    /// </summary>
    public string? BucketName { get; set; }

    public const string LocalBucketName = "snapmagic-cards";
    public const string SessionIndexName = "bySession";

    public string? SqsEndpoint => SqsServiceUrl ?? ServiceUrl;
    public string? DynamoDbEndpoint => DynamoDbServiceUrl ?? ServiceUrl;
    public string? S3Endpoint => S3ServiceUrl ?? ServiceUrl;

    /// <summary>The static keys when both are set; null leaves credentials to the standard chain.</summary>
    public AWSCredentials? StaticCredentials =>
        !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey) ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey) : null;

    /// <summary>The SDK options of the SQS client: <c>AddAWSService&lt;IAmazonSQS&gt;(...)</c> or <c>CreateServiceClient&lt;IAmazonSQS&gt;()</c>.</summary>
    public AWSOptions SqsClientOptions() => ClientOptions(SqsEndpoint);

    public AWSOptions DynamoDbClientOptions() => ClientOptions(DynamoDbEndpoint);

    public AWSOptions S3ClientOptions()
    {
        var options = ClientOptions(S3Endpoint);
        // Local servers answer on one host, so the bucket goes in the path, not in a subdomain.
        if (S3Endpoint is not null)
            options.DefaultClientConfig.ServiceSpecificSettings["ForcePathStyle"] = "true";
        return options;
    }

    private AWSOptions ClientOptions(string? serviceUrl)
    {
        var options = new AWSOptions { Credentials = StaticCredentials };
        if (!string.IsNullOrWhiteSpace(Region))
            options.Region = RegionEndpoint.GetBySystemName(Region);
        if (serviceUrl is not null)
        {
            options.DefaultClientConfig.ServiceURL = serviceUrl;
            options.DefaultClientConfig.AuthenticationRegion = options.Region?.SystemName;
        }
        return options;
    }

    public RegionEndpoint ResolveRegion()
    {
        if (!string.IsNullOrWhiteSpace(Region))
            return RegionEndpoint.GetBySystemName(Region);
        return FallbackRegionFactory.GetRegionEndpoint()
            ?? throw new InvalidOperationException("No AWS region: set Aws:Region (or AWS_REGION).");
    }

    public string ResolveBucketName()
    {
        if (!string.IsNullOrWhiteSpace(BucketName))
            return BucketName;
        if (S3Endpoint is not null)
            return LocalBucketName;
        throw new InvalidOperationException(
            "Set Aws:BucketName: S3 bucket names are global (the CloudFormation stack outputs one, snapmagic-cards-<account>-<region>).");
    }
}
