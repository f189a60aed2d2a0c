using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Aws.S3;
using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;

namespace SnapMagic.Backends;

/// <summary>
/// Creates what the AWS backend needs when it is missing: the dead-letter queue, the card queue with its
/// redrive policy, the job table (ACTIVE, with TTL where the server has it) and the image bucket.
/// Idempotent: run it at every start of <c>--backend aws-local</c> or <c>--backend aws</c>.
/// </summary>
public sealed class AwsResourceProvisioner(AwsOptions aws, QueueOptions queue, int retentionDays)
{
    public static AwsResourceProvisioner FromConfiguration(IConfiguration configuration) => new(
        AwsOptions.FromConfiguration(configuration),
        configuration.GetSection(QueueOptions.Section).Get<QueueOptions>() ?? new QueueOptions(),
        AwsBackendExtensions.RetentionDays(configuration));

    /// <summary>Returns one line per resource it created or changed; empty when everything was there.</summary>
    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var done = new List<string>();
        using (var sqs = aws.SqsClientOptions().CreateServiceClient<IAmazonSQS>())
            done.AddRange(await SqsQueueSetup.EnsureQueuesAsync(sqs, queue, cancellationToken));
        using (var dynamoDb = aws.DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>())
            done.AddRange(await DynamoDbTableSetup.EnsureTableAsync(dynamoDb, aws.TableName, TimeSpan.FromMinutes(2), cancellationToken));
        using (var s3 = aws.S3ClientOptions().CreateServiceClient<IAmazonS3>())
            done.AddRange(await S3BucketSetup.EnsureBucketAsync(s3, aws.ResolveBucketName(), retentionDays, realAws: aws.S3Endpoint is null, cancellationToken));
        return done;
    }
}
