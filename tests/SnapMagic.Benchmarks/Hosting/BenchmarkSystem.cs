using SnapMagic.Benchmarks.Client;
using SnapMagic.TestHosting;

namespace SnapMagic.Benchmarks.Hosting;

/// <summary>
/// The real system for one scenario: the AppHost started through Aspire (the Release build, DCP, Aspire's proxies in
/// front of the Api and the page) on random loopback ports with a fresh data folder, and on <c>aws-local</c> also its
/// fauxqs and dynalite. Disposing stops every process it started and deletes the data.
/// </summary>
public sealed class BenchmarkSystem : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "snapmagic-bench", Guid.NewGuid().ToString("N"));
    private RunningSystem? _app;

    private BenchmarkSystem(SystemSettings settings) => Settings = settings;

    public SystemSettings Settings { get; }
    public RunningSystem App => _app ?? throw new InvalidOperationException("The system is not started.");
    public ApiClient Api { get; private set; } = null!;
    /// <summary>The Api's own process (not the <c>dotnet run</c> Aspire starts it with).</summary>
    public int ApiPid => App["api"].Pid ?? throw new InvalidOperationException("The Api has no process.");
    /// <summary>Each Api replica's own process and own address, behind the AppHost's proxy (one Api: its process and port).</summary>
    public IReadOnlyList<(int Pid, Uri Address)> ApiReplicaProcesses => Settings.ApiReplicas == 1
        ? [(ApiPid, TestHosting.ApiReplicas.OwnAddress(App["api"]))]
        : [.. TestHosting.ApiReplicas.Of(App).Select(r => (r.Pid ?? throw new InvalidOperationException($"{r.Name} has no process."), TestHosting.ApiReplicas.OwnAddress(r)))];
    public IReadOnlyList<int> WorkerPids =>
        [.. App.All.Where(s => s.Name.StartsWith("worker-", StringComparison.Ordinal)).Select(s => s.Pid).OfType<int>()];

    /// <summary>The system being started or running, so Ctrl+C can stop it.</summary>
    public static BenchmarkSystem? Current { get; private set; }

    /// <param name="extraEnvironment">Settings of one scenario on top of <paramref name="settings"/> (a video model, say).</param>
    public static async Task<BenchmarkSystem> StartAsync(string backend, SystemSettings settings, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var system = new BenchmarkSystem(settings);
        Current = system;
        try
        {
            var environment = new Dictionary<string, string>(settings.Environment)
            {
                // The same local model (fixed latency L) on both backends, so the pipeline figures compare.
                ["ImageModel__Provider"] = "Local",
            };
            foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
                environment[key] = value;
            system._app = await RunningSystem.StartAsync(backend, settings.Workers, system._dataDirectory, environment, dashboard: true, settings.ApiReplicas)
                .WaitAsync(cancellationToken);
            system.Api = new ApiClient(system._app.ApiUrl);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines the services printed, for error messages.</summary>
    public string RecentOutput(int lines = 40) => _app?.RecentOutput(lines) ?? "";

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        if (Current == this)
            Current = null;
        try
        {
            if (Directory.Exists(_dataDirectory))
                Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
