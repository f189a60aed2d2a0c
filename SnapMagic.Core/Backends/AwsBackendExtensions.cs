using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Aws.S3;
using SnapMagic.Aws.Sqs;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Backends;

public static class AwsBackendExtensions
{
    /// <summary>
    /// Retention when <c>Cards:RetentionDays</c> is not set: the DynamoDB TTL of cards and feedback, and the S3 expiry of
    /// cards, animations and recordings.
    /// </summary>
    public const int DefaultRetentionDays = 30;

    /// <summary>
    /// Registers the AWS adapters of the ports: <see cref="ICardQueues"/> on SQS, <see cref="IJobStore"/> and
    /// <see cref="IFeedbackStore"/> on DynamoDB (one table), <see cref="IImageStore"/> on S3, configured by section <c>Aws</c> (<see cref="AwsOptions"/>), with
    /// the SDK clients registered by <c>AddAWSService</c>. The queues, table and bucket must exist
    /// (<see cref="AwsResourceProvisioner"/> or the CloudFormation stack).
    /// </summary>
    public static IHostApplicationBuilder AddAwsBackend(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var aws = AwsOptions.FromConfiguration(builder.Configuration);

        services.AddAWSService<IAmazonSQS>(aws.SqsClientOptions());
        services.AddSingleton<ICardQueues>(sp =>
            new SqsCardQueues(sp.GetRequiredService<IAmazonSQS>(), sp.GetRequiredService<IOptions<QueueOptions>>().Value));

        services.AddAWSService<IAmazonDynamoDB>(aws.DynamoDbClientOptions());
        services.AddSingleton<IJobStore>(sp => new DynamoDbJobStore(
            sp.GetRequiredService<IAmazonDynamoDB>(), aws.TableName, TimeSpan.FromDays(RetentionDays(builder.Configuration))));
        services.AddSingleton<IFeedbackStore>(sp => new DynamoDbFeedbackStore(
            sp.GetRequiredService<IAmazonDynamoDB>(), aws.TableName, TimeSpan.FromDays(RetentionDays(builder.Configuration))));

        services.AddAWSService<IAmazonS3>(aws.S3ClientOptions());
        services.AddSingleton<IImageStore>(sp => new S3ImageStore(sp.GetRequiredService<IAmazonS3>(), aws.ResolveBucketName()));
        return builder;
    }

    public static int RetentionDays(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue("Cards:RetentionDays", DefaultRetentionDays));
}
