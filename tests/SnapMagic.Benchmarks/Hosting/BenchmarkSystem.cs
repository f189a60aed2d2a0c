using System.Collections.Concurrent;
using SnapMagic.AppHost.Hosting;
using SnapMagic.Benchmarks.Client;
using SnapMagic.TestSupport;

namespace SnapMagic.Benchmarks.Hosting;

/// <summary>
/// The real system for one scenario: Api, workers and Web started as processes through the AppHost's own
/// <see cref="DistributedApp"/> (the Release build) on free loopback ports with a fresh data folder, and on
/// <c>aws-local</c> also the AppHost's fauxqs and dynalite. Disposing stops every process it started and deletes the data.
/// </summary>
public sealed class BenchmarkSystem : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "snapmagic-bench", Guid.NewGuid().ToString("N"));
    private DistributedApp? _app;

    private BenchmarkSystem(SystemSettings settings) => Settings = settings;

    public SystemSettings Settings { get; }
    public DistributedApp App => _app ?? throw new InvalidOperationException("The system is not started.");
    public ApiClient Api { get; private set; } = null!;
    public int ApiPid => App.Services["api"].Pid ?? throw new InvalidOperationException("The Api has no process.");
    /// <summary>The AppHost's dashboard on 127.0.0.1, where the services' OTLP metrics arrive.</summary>
    public Uri Dashboard => new($"http://127.0.0.1:{App.Options.DashboardPort}");
    public IReadOnlyList<int> WorkerPids =>
        [.. App.Services.All.Where(s => s.Definition.Project == DistributedApp.WorkerProject).Select(s => s.Pid).OfType<int>()];

    /// <summary>The system being started or running, so Ctrl+C can tell its services that their exit is expected.</summary>
    public static BenchmarkSystem? Current { get; private set; }

    public static async Task<BenchmarkSystem> StartAsync(string backend, SystemSettings settings, CancellationToken cancellationToken)
    {
        var system = new BenchmarkSystem(settings);
        Current = system;
        try
        {
            await system.StartCoreAsync(backend, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ctrl+C reached the services too: their exits from now on are expected, not crashes.</summary>
    public void ExpectStop() => _app?.Services.BeginStop();

    /// <summary>The last lines the services printed, for error messages.</summary>
    public string RecentOutput(int lines = 40) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    private async Task StartCoreAsync(string backend, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(Settings.Environment)
        {
            // The same local model (fixed latency L) on both backends, so the pipeline figures compare.
            ["ImageModel__Provider"] = "Local",
        };
        // Release services under benchmark load start slower than in tests.
        var options = LoopbackAppHost.Options(backend, Settings.Workers, _dataDirectory, environment) with { StartupTimeout = TimeSpan.FromSeconds(90) };
        _app = DistributedApp.Create(options, (line, isError) =>
        {
            _output.Enqueue(line);
            while (_output.Count > 500)
                _output.TryDequeue(out _);
            if (isError && line.Contains("!!!", StringComparison.Ordinal))
                Console.Error.WriteLine(line);
        });
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (ServiceFailedException ex)
        {
            throw new InvalidOperationException($"The system did not start: {ex.Message}{Environment.NewLine}{RecentOutput()}", ex);
        }
        Api = new ApiClient(new Uri($"http://127.0.0.1:{options.ApiPort}"));
    }

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
