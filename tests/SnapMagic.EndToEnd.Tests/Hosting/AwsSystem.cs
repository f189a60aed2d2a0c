using Microsoft.Extensions.Configuration;
using SnapMagic.Aws;
using SnapMagic.TestSupport.LocalAws;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// The AWS backend against local AWS-compatible servers: fauxqs (SQS and S3) and dynalite (DynamoDB), with
/// the queues, table and bucket provisioned before the services start. The image model stays local.
/// </summary>
public sealed class AwsSystem : SnapMagicSystem
{
    private FauxqsServer? _fauxqs;
    private DynaliteServer? _dynalite;

    protected override string Backend => "aws";

    /// <summary>The Aws:* and Queue:* settings the services got, for a test that reaches the queues or the table itself.</summary>
    public IConfiguration Configuration { get; private set; } = new ConfigurationBuilder().Build();

    protected override async Task<IReadOnlyDictionary<string, string>> StartBackendAsync()
    {
        _fauxqs = await FauxqsServer.StartAsync();
        _dynalite = await DynaliteServer.StartAsync();
        var name = $"e2e-{Guid.NewGuid().ToString("N")[..12]}";
        var settings = new Dictionary<string, string>
        {
            ["Aws:Region"] = "us-east-1",
            ["Aws:SqsServiceUrl"] = _fauxqs.Endpoint.ToString(),
            ["Aws:S3ServiceUrl"] = _fauxqs.Endpoint.ToString(),
            ["Aws:DynamoDbServiceUrl"] = _dynalite.Endpoint.ToString(),
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
            ["Aws:TableName"] = name,
            ["Aws:BucketName"] = name,
            ["Queue:Name"] = name,
            ["Queue:DeadLetterName"] = name + "-dlq",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings!).Build();
        await AwsResourceProvisioner.FromConfiguration(configuration).EnsureAsync();
        Configuration = configuration;
        // Environment variables spell the section separator "__".
        return settings.ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value);
    }

    protected override async ValueTask StopBackendAsync()
    {
        if (_fauxqs is not null)
            await _fauxqs.DisposeAsync();
        if (_dynalite is not null)
            await _dynalite.DisposeAsync();
    }
}
