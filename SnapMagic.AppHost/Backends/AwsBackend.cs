using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SnapMagic.Aws;
using SnapMagic.Backends;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Queueing;

namespace SnapMagic.AppHost.Backends;

/// <summary>
/// <c>--backend aws</c>: the services on a real AWS account, found through the standard credential chain and
/// region (<c>AWS_PROFILE</c>, <c>AWS_REGION</c>, ... or <c>Aws__*</c> settings), with real Bedrock. A missing bucket
/// name, region or credential stops the AppHost at once with a message that says what to set; the queues, table
/// and bucket are created when missing before any service starts.
/// </summary>
internal static class AwsBackend
{
    private const string CannotStart = "--backend aws cannot start";

    public static readonly KeyValuePair<string, string>[] Settings =
    [
        new("Backend", "Aws"),
        new("ImageModel:Provider", "Bedrock"),
        // Luma Ray 2 (us-west-2) by default, writing to the event's bucket (Aws:BucketName); VideoModel:Bedrock:* overrides.
        new("VideoModel:Provider", "Bedrock"),
        // Feedback: Nova 2 Omni hears the recordings, Nova 2 Lite scores the text (README, "Feedback").
        new("Speech:Provider", "Bedrock"),
        new("Sentiment:Provider", "Bedrock"),
    ];

    public static IResourceBuilder<ProjectResource> WithAwsSettings(this IResourceBuilder<ProjectResource> service) =>
        service.WithSettings(Settings);

    /// <summary>
    /// Checks that the account can be reached (bucket name, region, credentials) before anything starts; false,
    /// with the reason on the console, when it cannot.
    /// </summary>
    public static bool TryCheckAwsAccount(this IDistributedApplicationBuilder builder, out IConfiguration configuration)
    {
        configuration = builder.ServiceConfiguration(Settings);
        var aws = AwsOptions.FromConfiguration(configuration);
        try
        {
            _ = aws.ResolveBucketName();
            _ = aws.ResolveRegion();
            _ = AwsCredentialsSource.Resolve(aws).GetCredentials();
            return true;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"{CannotStart}: {ex.Message}");
        }
        catch (AmazonClientException ex)
        {
            Console.Error.WriteLine(
                $"{CannotStart}: no AWS credentials were found. Sign in (aws sso login, or aws configure) and set AWS_PROFILE, " +
                $"or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. What the credential chain tried:{Environment.NewLine}{ex.Message.Trim()}");
        }
        return false;
    }

    /// <summary>Creates what the configuration names and the account lacks, before any service starts.</summary>
    public static void CreateAwsResourcesBeforeStart(this IDistributedApplicationBuilder builder, IConfiguration configuration)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>(async (e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SnapMagic.AppHost.Aws");
            var aws = AwsOptions.FromConfiguration(configuration);
            var queue = configuration.GetSection(QueueOptions.Section).Get<QueueOptions>() ?? new QueueOptions();
            var bedrock = configuration.GetSection(BedrockOptions.Section).Get<BedrockOptions>() ?? new BedrockOptions();
            logger.LogInformation("AWS {Region}: queue {Queue} (DLQ {DeadLetters}), table {Table}, bucket {Bucket}; Bedrock {Model} in {BedrockRegion}",
                aws.ResolveRegion().SystemName, queue.Name, queue.DeadLetterName, aws.TableName, aws.ResolveBucketName(), bedrock.ModelId, bedrock.Region);
            await EnsureResourcesAsync(configuration, logger, cancellationToken);
        });
    }

    /// <summary>Creates the queues, table and bucket the configuration names when missing, and says what it created.</summary>
    public static async Task EnsureResourcesAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var created = await AwsResourceProvisioner.FromConfiguration(configuration).EnsureAsync(cancellationToken);
        if (created.Count == 0)
            logger.LogInformation("The AWS queues, table and bucket were all there; nothing created.");
        else
            logger.LogInformation("Created {Resources}.", string.Join(", ", created));
    }
}
