using System.Collections.Concurrent;
using System.Diagnostics;
using SnapMagic.AppHost.Hosting;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// The real system — Api, workers and Web as processes — started through the AppHost's own code
/// (<see cref="DistributedApp"/>) on free loopback ports with a temporary data folder, and stopped with
/// nothing left running. The backend is the subclass's choice: the same tests run on each one.
/// </summary>
public abstract class SnapMagicSystem : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "snapmagic-e2e", Guid.NewGuid().ToString("N"));
    private DistributedApp? _app;

    /// <summary>The <c>--backend</c> value: <c>embedded</c> or <c>aws-local</c>.</summary>
    protected abstract string Backend { get; }

    protected virtual int Workers => 2;

    public DistributedApp App => _app ?? throw new InvalidOperationException("The system is not started.");

    /// <summary>An HttpClient for the Api (its public URL).</summary>
    public HttpClient Api { get; private set; } = new();

    /// <summary>Starts what the backend needs (local AWS-compatible servers, say) and returns the services' extra environment.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> StartBackendAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    protected virtual ValueTask StopBackendAsync() => ValueTask.CompletedTask;

    /// <summary>The last lines the services printed, for assertion messages.</summary>
    public string RecentOutput(int lines = 80) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: leave nothing running.
            if (_app is not null)
                await _app.DisposeAsync();
            await StopBackendAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var environment = new Dictionary<string, string>
        {
            // Long enough for a test to subscribe before its card is done, short enough to keep the suite fast.
            ["ImageModel__Local__LatencyMs"] = "1000",
        };
        // The subclass's settings win over these defaults.
        foreach (var (key, value) in await StartBackendAsync())
            environment[key] = value;
        var options = LoopbackAppHost.Options(Backend, Workers, _dataDirectory, environment);
        _app = DistributedApp.Create(options, (line, isError) =>
        {
            _output.Enqueue(line);
            while (_output.Count > 2000)
                _output.TryDequeue(out _);
        });
        try
        {
            await _app.StartAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The system did not start: {ex.Message}{Environment.NewLine}{RecentOutput()}", ex);
        }
        Api = new HttpClient { BaseAddress = _app.ApiUrl, Timeout = TimeSpan.FromSeconds(30) };
        OnStarted(_app);
    }

    /// <summary>Checks that the backend's own parts made the card (its fakes saw it); the embedded backend has none to ask.</summary>
    public virtual void AssertBackendMadeCard(string prompt)
    {
    }

    /// <summary>The servers the backend runs on this machine, as the dashboard names them; the embedded backend runs none.</summary>
    public virtual IReadOnlyList<string> LocalServers => [];

    /// <summary>The system is up and no card has been submitted yet: the place to script the backend's fakes.</summary>
    protected virtual void OnStarted(DistributedApp app)
    {
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        if (_app is not null)
        {
            var pids = _app.Services.All.Select(s => s.Pid).OfType<int>().ToList();
            await _app.DisposeAsync();
            var running = pids.Where(IsRunning).ToList();
            if (running.Count > 0)
                throw new InvalidOperationException($"Processes still running after the system stopped: {string.Join(", ", running)}");
        }
        await StopBackendAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>The default backend: SQLite queue and store, images on disk, the local image model.</summary>
public sealed class EmbeddedSystem : SnapMagicSystem
{
    protected override string Backend => "embedded";
}
