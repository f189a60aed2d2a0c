using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SnapMagic.TestSupport;

namespace SnapMagic.TestHosting;

/// <summary>
/// The real AppHost started through Aspire.Hosting.Testing (its ports randomized, a data folder of its own), the
/// services it runs as Aspire reports them, with their output, and the fault tests' levers: SIGKILL one, stop it,
/// start it again. Disposing stops everything and checks that no process is left.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly DistributedApplication _app;
    private readonly ConcurrentDictionary<string, ServiceProcess> _processes = new();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _watching;
    private int _disposed;

    private RunningSystem(DistributedApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _watching = WatchAsync(_stopping.Token);
    }

    public Uri ApiUrl { get; private set; } = null!;
    public Uri WebUrl { get; private set; } = null!;
    /// <summary>The Aspire dashboard (its proxied port is randomized like the others).</summary>
    public Uri DashboardUrl => _dashboardUrl ?? throw new InvalidOperationException("This system runs without the dashboard.");
    private Uri? _dashboardUrl;
    public string DataDirectory { get; }
    public DistributedApplication Aspire => _app;

    /// <summary>
    /// Tests and benchmarks reach the Api from one loopback address with many sessions: the limits per client address,
    /// the event's card budget and the hub's connections per session are off unless <c>settings</c> set them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OneAddressLimitsOff = new Dictionary<string, string>
    {
        ["Cards__PerAddressPerMinute"] = "0",
        ["Cards__EventPerMinute"] = "0",
        ["Cards__EventPerDay"] = "0",
        ["Hub__MaxConnectionsPerSession"] = "0",
        ["Login__FailuresPerAddressPerMinute"] = "0",
    };

    /// <summary>Starts the system and returns once every Api replica, the page and every worker replica are healthy.</summary>
    /// <param name="settings">Environment every service gets, on top of what the AppHost gives it.</param>
    /// <param name="apiReplicas">Api replicas (<c>--api-replicas</c>); from 2 on they are named <c>api-1</c>, <c>api-2</c>, ...</param>
    public static async Task<RunningSystem> StartAsync(string backend, int workers, string dataDirectory,
        IReadOnlyDictionary<string, string> settings, bool dashboard, int apiReplicas = 1)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SnapMagic_AppHost>(LoopbackAppHost.Args(backend, workers, dataDirectory, apiReplicas),
            (options, _) =>
            {
                options.DisableDashboard = !dashboard;
                // The services' output is collected below (RecentOutput), not copied into this process's log.
                options.EnableResourceLogging = false;
            });
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                foreach (var (key, value) in OneAddressLimitsOff)
                    context.EnvironmentVariables[key] = value;
                foreach (var (key, value) in settings)
                    context.EnvironmentVariables[key] = value;
            });
        }
        var app = await builder.BuildAsync();
        var system = new RunningSystem(app, dataDirectory);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await app.StartAsync(timeout.Token);
            system.ApiUrl = app.GetEndpoint("api", "http");
            system.WebUrl = app.GetEndpoint("web", "http");
            if (dashboard)
                system._dashboardUrl = app.GetEndpoint("aspire-dashboard", "http");
            await system.WaitUntilAsync(() => system.HealthyReplicas("api") == apiReplicas && system.Healthy("web") && system.HealthyReplicas("worker") == workers,
                "every Api replica, the page and every worker to be healthy", StartTimeout);
            return system;
        }
        catch (Exception ex)
        {
            var output = system.RecentOutput();
            await system.DisposeAsync();
            throw new InvalidOperationException($"The system did not start: {ex.Message}{Environment.NewLine}{output}", ex);
        }
    }

    public IReadOnlyList<ServiceProcess> All => [.. _processes.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public ServiceProcess this[string name] =>
        _processes.Values.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"No service named '{name}'; there are {string.Join(", ", All.Select(p => p.Name))}.");

    /// <summary>The last lines every service printed, each prefixed with its name.</summary>
    public string RecentOutput(int lines = 80) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    /// <summary>SIGKILL to the service's process, no grace (a crash); returns once Aspire reports it exited. Aspire leaves it down.</summary>
    public async Task KillAsync(string name)
    {
        var service = this[name];
        var pid = await ProcessOfAsync(service, () => service.Pid, "to kill");
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
            process.Kill();
        await WaitUntilAsync(() => IsDown(service), $"{name} to be reported exited", StateTimeout);
    }

    /// <summary>
    /// SIGTERM to the service's process, a graceful stop as an orchestrator sends it; returns once Aspire reports it
    /// exited. (Aspire's own Stop command goes through DCP, which reported stops of a busy Api as failed.)
    /// </summary>
    public async Task StopAsync(string name)
    {
        var service = this[name];
        // A project runs under `dotnet run` (its process is the launcher's child); an executable is the launcher itself.
        var pid = await ProcessOfAsync(service, () => service.Pid ?? service.LauncherPid, "to stop");
        if (Terminate(pid, SigTerm) != 0)
            throw new InvalidOperationException($"SIGTERM to {name} (pid {pid}) failed: errno {Marshal.GetLastPInvokeError()}.");
        await WaitUntilAsync(() => IsDown(service), $"{name} to stop", StateTimeout);
    }

    /// <summary>
    /// The process <paramref name="find"/> names, once there is one: a service Aspire reports running may not show its
    /// own process yet (its launcher's snapshot or child can lag behind the state, as seen on CI's two cores).
    /// </summary>
    private async Task<int> ProcessOfAsync(ServiceProcess service, Func<int?> find, string purpose)
    {
        int? pid = null;
        await WaitUntilAsync(() => (pid = find()) is not null, $"{service.Name} ({service.State}) to have a process {purpose}", StateTimeout);
        return pid!.Value;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);

    /// <summary>Starts a stopped or killed service again (the dashboard's Start command), same port; returns once it is healthy.</summary>
    public async Task StartAgainAsync(string name)
    {
        var service = this[name];
        var before = service.LauncherPid;
        await ExecuteAsync(service, KnownResourceCommands.StartCommand);
        await WaitUntilAsync(() => service.LauncherPid != before && service.State == KnownResourceStates.Running
            && service.Latest?.Snapshot.HealthStatus == HealthStatus.Healthy, $"{name} to be healthy again", StateTimeout);
    }

    private async Task ExecuteAsync(ServiceProcess service, string command)
    {
        var result = await _app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(service.ResourceId, command);
        if (!result.Success)
            throw new InvalidOperationException($"The {command} command on {service.Name} failed: {result.Message}");
    }

    private static bool IsDown(ServiceProcess service) =>
        service.State is not null && KnownResourceStates.TerminalStates.Contains(service.State);

    private bool Healthy(string name) =>
        _processes.Values.FirstOrDefault(p => p.Name == name)?.Latest?.Snapshot.HealthStatus == HealthStatus.Healthy;

    /// <summary>How many instances of the resource (<c>name</c> alone, or its replicas <c>name-1</c>, ...) are healthy.</summary>
    private int HealthyReplicas(string name) =>
        _processes.Values.Count(p => (p.Name == name || p.Name.StartsWith(name + "-", StringComparison.Ordinal))
            && p.Latest?.Snapshot.HealthStatus == HealthStatus.Healthy);

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; a TimeoutException naming <paramref name="what"/> otherwise.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; services: {string.Join(", ", All.Select(p => $"{p.Name} {p.State} {p.Latest?.Snapshot.HealthStatus}"))}.{Environment.NewLine}{RecentOutput()}");
            await Task.Delay(100);
        }
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (!IsOwnResource(update.Resource))
                    continue;
                var process = _processes.GetOrAdd(update.ResourceId, id => Track(update.Resource, id, stopping));
                process.Latest = update;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>The AppHost's own services and servers: not the dashboard nor Aspire's hidden helpers (a project's rebuilder).</summary>
    private static bool IsOwnResource(IResource resource) =>
        resource is ProjectResource or AppHost.ScaleOut.RedisServerResource
        || (resource.GetType() == typeof(ExecutableResource) && resource.Name != "aspire-dashboard");

    private ServiceProcess Track(IResource resource, string resourceId, CancellationToken stopping)
    {
        // GetOrAdd may call this twice for one id; the name counts the replicas already there, so lock.
        lock (_processes)
        {
            var name = resource.TryGetLastAnnotation<ReplicaAnnotation>(out _)
                ? $"{resource.Name}-{_processes.Values.Count(p => p.Name.StartsWith(resource.Name + "-", StringComparison.Ordinal)) + 1}"
                : resource.Name;
            var process = new ServiceProcess(name, resourceId);
            _ = CollectOutputAsync(process, stopping);
            return process;
        }
    }

    private async Task CollectOutputAsync(ServiceProcess process, CancellationToken stopping)
    {
        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        try
        {
            await foreach (var batch in logs.WatchAsync(process.ResourceId).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    process.Append(line.Content);
                    _output.Enqueue($"{process.Name} | {line.Content}");
                }
                while (_output.Count > 5000)
                    _output.TryDequeue(out _);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        var pids = _processes.Values.SelectMany(p => new[] { p.LauncherPid, p.Pid }).OfType<int>().ToList();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            await _stopping.CancelAsync();
            await _watching;
            _stopping.Dispose();
        }
        // Aspire's stop returns once DCP was told; replicas and executables may need a moment to exit.
        var deadline = DateTime.UtcNow + StopGrace;
        var running = pids.Where(ProcessTree.IsRunning).ToList();
        while (running.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            running = [.. running.Where(ProcessTree.IsRunning)];
        }
        if (running.Count > 0)
            throw new InvalidOperationException($"Processes still running {StopGrace.TotalSeconds:0} s after the system stopped: {string.Join(", ", running.Select(pid => $"{pid} {ProcessTree.CommandLine(pid)}"))}");
    }
}
