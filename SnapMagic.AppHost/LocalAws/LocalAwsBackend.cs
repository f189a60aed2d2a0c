using SnapMagic.AppHost.Dashboard;
using SnapMagic.AppHost.Hosting;
using SnapMagic.AppHost.LocalAws.FakeBedrock;

namespace SnapMagic.AppHost.LocalAws;

/// <summary>
/// <c>--backend aws-local</c>: the AWS code path on this machine. fauxqs (SQS and S3) and dynalite (DynamoDB) from
/// npm, installed on first use, plus the project's fake Bedrock; the queue, dead-letter queue, table and bucket
/// created in them; the services pointed at them with dummy static keys and <c>ImageModel:Provider=Bedrock</c>.
/// Ports are chosen up front so the services' settings are known before anything starts.
/// </summary>
public sealed class LocalAwsBackend : IBackendResources
{
    public const string Region = "us-east-1";
    // Local servers accept any keys; the fake Bedrock checks every signature with this secret.
    private const string AccessKeyId = "snapmagic-local";
    private const string SecretAccessKey = "snapmagic-local-secret";

    private readonly AppHostOptions _options;
    private readonly Action<string, bool> _console;
    private readonly int _fauxqsPort = LoopbackPort.NextFree();
    private readonly int _dynalitePort = LoopbackPort.NextFree();
    private readonly int _bedrockPort = LoopbackPort.NextFree();
    private volatile bool _stopping;
    private int _disposed;

    internal LocalAwsBackend(AppHostOptions options, Action<string, bool> console)
    {
        _options = options;
        _console = console;
        Environment = new Dictionary<string, string>
        {
            ["Aws__Region"] = Region,
            ["Aws__SqsServiceUrl"] = Url(_fauxqsPort),
            ["Aws__S3ServiceUrl"] = Url(_fauxqsPort),
            ["Aws__DynamoDbServiceUrl"] = Url(_dynalitePort),
            ["Aws__AccessKeyId"] = AccessKeyId,
            ["Aws__SecretAccessKey"] = SecretAccessKey,
            ["ImageModel__Provider"] = "Bedrock",
            ["ImageModel__Bedrock__Region"] = Region,
            ["ImageModel__Bedrock__ServiceUrl"] = Url(_bedrockPort),
            ["ImageModel__Bedrock__ControlPlaneUrl"] = Url(_bedrockPort),
        };
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public FauxqsServer? Fauxqs { get; private set; }
    public DynaliteServer? Dynalite { get; private set; }
    /// <summary>The fake Bedrock the workers call; tests script its replies.</summary>
    public FakeBedrockServer? Bedrock { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await NpmTools.EnsureInstalledAsync(BuildInfo.RepositoryRoot, _console, cancellationToken);
            var fauxqs = FauxqsServer.StartAsync(ServerOptions(_fauxqsPort), cancellationToken);
            var dynalite = DynaliteServer.StartAsync(ServerOptions(_dynalitePort), cancellationToken);
            try
            {
                await Task.WhenAll(fauxqs, dynalite);
            }
            finally
            {
                // Kept even when the other failed, so that DisposeAsync stops it.
                Fauxqs = fauxqs.IsCompletedSuccessfully ? fauxqs.Result : null;
                Dynalite = dynalite.IsCompletedSuccessfully ? dynalite.Result : null;
            }
            Watch("fauxqs", Fauxqs!);
            Watch("dynalite", Dynalite!);
            Bedrock = await FakeBedrockServer.StartAsync(Region, SecretAccessKey, _bedrockPort, cancellationToken);

            var configuration = ServiceConfiguration.From(Environment, _options.Environment);
            await AwsBackend.EnsureResourcesAsync(configuration, _console, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or System.Net.Http.HttpRequestException
                                       or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException)
        {
            throw new BackendFailedException($"The local AWS servers did not start: {ex.Message}", ex);
        }
    }

    public IEnumerable<string> Describe()
    {
        yield return $"SQS + S3:   {Url(_fauxqsPort)} (fauxqs, pid {Fauxqs?.ProcessId})";
        yield return $"DynamoDB:   {Url(_dynalitePort)} (dynalite, pid {Dynalite?.ProcessId})";
        yield return $"Bedrock:    {Url(_bedrockPort)} (the project's fake, in the AppHost)";
    }

    public IReadOnlyList<BackendServerView> DescribeServers() =>
    [
        NodeServer("fauxqs", "SQS + S3", Fauxqs, _fauxqsPort),
        NodeServer("dynalite", "DynamoDB", Dynalite, _dynalitePort),
        // Runs inside the AppHost: its pid is the AppHost's, and it lives as long as the AppHost does.
        new("bedrock", BackendServerView.LocalAwsServer, "Bedrock Runtime (the project's fake)", Bedrock is null || _stopping ? Idle : Running,
            ExitCode: null, System.Environment.ProcessId, InProcess: true, Url(_bedrockPort)),
    ];

    private const string Running = "running";
    private string Idle => _stopping ? "stopped" : "starting";

    private BackendServerView NodeServer(string name, string serves, LocalNodeServer? server, int port)
    {
        var state = server switch
        {
            null => Idle,
            { Exited.IsCompleted: false } => Running,
            _ => _stopping ? "stopped" : "exited",
        };
        return new(name, BackendServerView.LocalAwsServer, serves, state, server?.ExitCode, server?.ProcessId, InProcess: false, Url(port));
    }

    private LocalServerOptions ServerOptions(int port) => new()
    {
        Port = port,
        Output = line => _console(line, false),
    };

    /// <summary>A local server that ends while the system runs takes the backend with it: say so loudly.</summary>
    private void Watch(string name, LocalNodeServer server)
    {
        var pid = server.ProcessId;
        _ = server.Exited.ContinueWith(_ =>
        {
            if (!_stopping)
                _console($"""
                    !!! {name} (pid {pid}) exited unexpectedly: the AWS backend is down until you restart SnapMagic. Its last lines:
                    {server.RecentOutput}
                    """, true);
        }, TaskScheduler.Default);
    }

    private static string Url(int port) => $"http://127.0.0.1:{port}";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _stopping = true;
        if (Bedrock is not null)
            await Bedrock.DisposeAsync();
        if (Dynalite is not null)
            await Dynalite.DisposeAsync();
        if (Fauxqs is not null)
            await Fauxqs.DisposeAsync();
    }
}
