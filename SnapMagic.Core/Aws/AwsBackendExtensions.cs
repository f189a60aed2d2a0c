using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Aws.S3;
using SnapMagic.Aws.Sqs;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Aws;

public static class AwsBackendExtensions
{
    /// <summary>Card retention when <c>Cards:RetentionDays</c> is not set: the DynamoDB TTL and the S3 expiry.</summary>
    public const int DefaultRetentionDays = 30;

    /// <summary>
    /// Registers the AWS adapters of the ports: <see cref="ICardQueues"/> on SQS, <see cref="IJobStore"/> on
    /// DynamoDB, <see cref="IImageStore"/> on S3, configured by section <c>Aws</c> (<see cref="AwsOptions"/>).
    /// The queues, table and bucket must exist (<see cref="AwsResourceProvisioner"/> or the CloudFormation stack).
    /// </summary>
    public static IHostApplicationBuilder AddAwsBackend(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AwsOptions>(builder.Configuration.GetSection(AwsOptions.Section));

        services.AddSingleton(sp => SqsClient.Create(Aws(sp)));
        services.AddSingleton<ICardQueues>(sp =>
            new SqsCardQueues(sp.GetRequiredService<SqsClient>(), sp.GetRequiredService<IOptions<QueueOptions>>().Value));

        services.AddSingleton<IAmazonDynamoDB>(sp => AwsClientFactory.CreateDynamoDb(Aws(sp)));
        services.AddSingleton<IJobStore>(sp => new DynamoDbJobStore(
            sp.GetRequiredService<IAmazonDynamoDB>(), Aws(sp).TableName, TimeSpan.FromDays(RetentionDays(sp.GetRequiredService<IConfiguration>()))));

        services.AddSingleton<IAmazonS3>(sp => AwsClientFactory.CreateS3(Aws(sp)));
        services.AddSingleton<IImageStore>(sp => new S3ImageStore(sp.GetRequiredService<IAmazonS3>(), Aws(sp).ResolveBucketName()));
        return builder;
    }

    public static int RetentionDays(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue("Cards:RetentionDays", DefaultRetentionDays));

    private static AwsOptions Aws(IServiceProvider services) => services.GetRequiredService<IOptions<AwsOptions>>().Value;
}
