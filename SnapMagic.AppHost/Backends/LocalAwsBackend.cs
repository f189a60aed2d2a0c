using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging.Video.Bedrock;

namespace SnapMagic.AppHost.Backends;

/// <summary>
/// <c>--backend aws-local</c>: the AWS code path on this machine. The services reach fauxqs, dynalite and the fake
/// Bedrock through the connection strings <c>sqs</c>, <c>s3</c>, <c>dynamodb</c> and <c>bedrock-runtime</c>; the
/// queues, table and bucket are created once the servers answer, before any service starts.
/// </summary>
public static class LocalAwsBackend
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "snapmagic-local";
    /// <summary>The local servers accept any keys; the fake Bedrock checks every signature with this secret.</summary>
    public const string SecretAccessKey = "snapmagic-local-secret";

    public static readonly KeyValuePair<string, string>[] Settings =
    [
        new("Backend", "Aws"),
        new("Aws:Region", Region),
        new("Aws:AccessKeyId", AccessKeyId),
        new("Aws:SecretAccessKey", SecretAccessKey),
        new("ImageModel:Provider", "Bedrock"),
        new($"{BedrockOptions.Section}:Region", Region),
        // Videos from the fake Bedrock's asynchronous API (the bedrock-runtime connection string), written to the event's
        // bucket on fauxqs; the fake answers in seconds, so it is checked more often than Bedrock (15 s) needs.
        new("VideoModel:Provider", "Bedrock"),
        new($"{BedrockVideoOptions.Section}:Region", Region),
        new("Worker:Animations:RecheckSeconds", "2"),
        // Feedback: Nova 2 Omni hears the recordings, Nova 2 Lite scores the text, both answered by the fake Bedrock.
        new("Speech:Provider", "Bedrock"),
        new("Speech:Bedrock:Region", Region),
        new("Sentiment:Provider", "Bedrock"),
        new("Sentiment:Bedrock:Region", Region),
    ];

    internal static IResourceBuilder<ProjectResource> WithLocalAwsSettings(this IResourceBuilder<ProjectResource> service) =>
        service.WithSettings(Settings);

    /// <summary>Creates the queues, table and bucket once dynalite is ready (it waits for fauxqs).</summary>
    internal static void CreateAwsResourcesWhenReady(this IDistributedApplicationBuilder builder,
        IResourceBuilder<ExecutableResource> dynalite, IResourceBuilder<ExecutableResource> fauxqs)
    {
        builder.Eventing.Subscribe<ResourceReadyEvent>(dynalite.Resource, async (e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(dynalite.Resource);
            var configuration = builder.ServiceConfiguration([
                .. Settings,
                new("ConnectionStrings:sqs", fauxqs.GetEndpoint("http").Url),
                new("ConnectionStrings:s3", fauxqs.GetEndpoint("http").Url),
                new("ConnectionStrings:dynamodb", dynalite.GetEndpoint("http").Url),
            ]);
            await AwsBackend.EnsureResourcesAsync(configuration, logger, cancellationToken);
        });
    }
}
