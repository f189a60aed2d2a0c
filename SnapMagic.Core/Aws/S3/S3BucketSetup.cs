using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapMagic.Aws.S3;

/// <summary>Creates the image bucket when it is missing; on real AWS also blocks all public access and expires old cards, animations and recordings.</summary>
public static class S3BucketSetup
{
    /// <summary>The event's data in the bucket, all kept as long as the cards: card PNGs, animations, feedback recordings.</summary>
    public static readonly IReadOnlyList<string> ExpiringPrefixes = ["cards/", "animations/", "feedback/"];

    /// <param name="realAws">False against local servers, which lack the public-access-block and lifecycle APIs.</param>
    public static async Task<IReadOnlyList<string>> EnsureBucketAsync(IAmazonS3 s3, string bucketName, int retentionDays, bool realAws,
        CancellationToken cancellationToken = default)
    {
        var done = new List<string>();
        if (await ExistsAsync(s3, bucketName, cancellationToken))
            return done;
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucketName, UseClientRegion = true }, cancellationToken);
            done.Add($"S3 bucket {bucketName}");
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou")
        {
            return done;
        }
        if (!realAws)
            return done;

        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucketName,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = true,
                BlockPublicPolicy = true,
                IgnorePublicAcls = true,
                RestrictPublicBuckets = true,
            },
        }, cancellationToken);
        await s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = bucketName,
            Configuration = new LifecycleConfiguration
            {
                Rules = [.. ExpiringPrefixes.Select(prefix => new LifecycleRule
                {
                    Id = $"expire-{prefix.TrimEnd('/')}",
                    Status = LifecycleRuleStatus.Enabled,
                    Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = prefix } },
                    Expiration = new LifecycleRuleExpiration { Days = retentionDays },
                })],
            },
        }, cancellationToken);
        done.Add($"public access block and {retentionDays}-day expiry on {bucketName}");
        return done;
    }

    private static async Task<bool> ExistsAsync(IAmazonS3 s3, string bucketName, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetBucketLocationAsync(bucketName, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound || ex.ErrorCode is "NoSuchBucket")
        {
            return false;
        }
    }
}
