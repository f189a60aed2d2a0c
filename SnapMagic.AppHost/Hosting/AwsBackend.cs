using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using SnapMagic.Aws;
using SnapMagic.Aws.Bedrock;
using SnapMagic.Queueing;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// <c>--backend aws</c>: the services on a real AWS account, found through the standard credential chain and
/// region (<c>AWS_PROFILE</c>, <c>AWS_REGION</c>, ... or <c>Aws__*</c> settings), with real Bedrock. Checks the
/// bucket name, region and credentials when created, so a missing one stops the AppHost at once with a message
/// that says what to set; creates the queues, table and bucket when missing, saying what it created.
/// </summary>
internal sealed class AwsBackend : IBackendResources
{
    private const string CannotStart = "--backend aws cannot start";

    private readonly Action<string, bool> _console;
    private readonly IConfiguration _configuration;
    private readonly AwsOptions _aws;
    private readonly string _bucket;
    private readonly string _region;

    public AwsBackend(AppHostOptions options, Action<string, bool> console)
    {
        _console = console;
        Environment = new Dictionary<string, string> { ["ImageModel__Provider"] = "Bedrock" };
        _configuration = ServiceConfiguration.From(Environment, options.Environment);
        _aws = _configuration.GetSection(AwsOptions.Section).Get<AwsOptions>() ?? new AwsOptions();
        try
        {
            _bucket = _aws.ResolveBucketName();
            _region = _aws.ResolveRegion().SystemName;
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{CannotStart}: {ex.Message}", ex);
        }
        try
        {
            _ = AwsCredentialsSource.Resolve(_aws).GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw new InvalidOperationException(
                $"{CannotStart}: no AWS credentials were found. Sign in (aws sso login, or aws configure) and set AWS_PROFILE, " +
                $"or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. What the credential chain tried:{System.Environment.NewLine}{ex.Message.Trim()}", ex);
        }
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureResourcesAsync(_configuration, _console, cancellationToken);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or InvalidOperationException or TimeoutException)
        {
            throw new BackendFailedException($"Creating the AWS resources in {_region} failed: {ex.Message}", ex);
        }
    }

    public IEnumerable<string> Describe()
    {
        var queue = _configuration.GetSection(QueueOptions.Section).Get<QueueOptions>() ?? new QueueOptions();
        var bedrock = _configuration.GetSection(BedrockOptions.Section).Get<BedrockOptions>() ?? new BedrockOptions();
        yield return $"AWS:        {_region}: queue {queue.Name} (DLQ {queue.DeadLetterName}), table {_aws.TableName}, bucket {_bucket}";
        yield return $"Bedrock:    {bedrock.ModelId} in {bedrock.Region}";
    }

    public IReadOnlyList<Dashboard.BackendServerView> DescribeServers() => [];

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Creates the queues, table and bucket the configuration names when missing, and says what it created.</summary>
    internal static async Task EnsureResourcesAsync(IConfiguration configuration, Action<string, bool> console, CancellationToken cancellationToken)
    {
        var created = await AwsResourceProvisioner.FromConfiguration(configuration).EnsureAsync(cancellationToken);
        console(created.Count == 0
            ? "SnapMagic: the AWS queues, table and bucket were all there; nothing created."
            : $"SnapMagic: created {string.Join(", ", created)}.", false);
    }
}
