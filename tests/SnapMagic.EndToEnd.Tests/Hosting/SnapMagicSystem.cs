namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// The real system — the AppHost with the Api, the workers and the page, run by Aspire — on random loopback ports
/// with a temporary data folder, stopped with nothing left running. The backend is the subclass's choice: the same
/// tests run on each one.
/// </summary>
public abstract class SnapMagicSystem : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "snapmagic-e2e", Guid.NewGuid().ToString("N"));
    private RunningSystem? _app;

    /// <summary>The <c>--backend</c> value: <c>embedded</c> or <c>aws-local</c>.</summary>
    protected abstract string Backend { get; }

    protected virtual int Workers => 2;

    /// <summary>Api replicas behind the one Api address (<c>--api-replicas</c>); 2 or more share a Redis.</summary>
    protected virtual int ApiReplicas => 1;

    /// <summary>Whether the Aspire dashboard runs: only for the systems whose tests read it (telemetry, dashboard pages).</summary>
    protected virtual bool Dashboard => false;

    public RunningSystem App => _app ?? throw new InvalidOperationException("The system is not started.");

    /// <summary>An HttpClient for the Api (its public URL).</summary>
    public HttpClient Api { get; private set; } = new();

    /// <summary>Starts what the backend needs (a fake Bedrock the test scripts, say) and returns the services' extra environment.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> StartBackendAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    protected virtual ValueTask StopBackendAsync() => ValueTask.CompletedTask;

    /// <summary>The last lines the services printed, for assertion messages.</summary>
    public string RecentOutput(int lines = 80) => _app?.RecentOutput(lines) ?? "";

    public async Task InitializeAsync()
    {
        try
        {
            var settings = new Dictionary<string, string>
            {
                // Long enough for a test to subscribe before its card is done, short enough to keep the suite fast.
                ["ImageModel__Local__LatencyMs"] = "1000",
            };
            // The subclass's settings win over these defaults.
            foreach (var (key, value) in await StartBackendAsync())
                settings[key] = value;
            _app = await RunningSystem.StartAsync(Backend, Workers, _dataDirectory, settings, Dashboard, ApiReplicas);
            Api = new HttpClient { BaseAddress = _app.ApiUrl, Timeout = TimeSpan.FromSeconds(30) };
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: leave nothing running.
            await StopBackendAsync();
            throw;
        }
    }

    /// <summary>Checks that the backend's own parts made the card (its fakes saw it); the embedded backend has none to ask.</summary>
    public virtual void AssertBackendMadeCard(string prompt)
    {
    }

    /// <summary>The resources the backend runs on this machine besides the services; the embedded backend runs none.</summary>
    public virtual IReadOnlyList<string> LocalServers => [];

    public async Task DisposeAsync()
    {
        Api.Dispose();
        try
        {
            if (_app is not null)
                await _app.DisposeAsync();
        }
        finally
        {
            await StopBackendAsync();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
