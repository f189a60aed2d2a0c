namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// The running services: starts them, waits for their <c>/health</c>, watches it, reports and restarts a
/// crashed one, and stops them all (workers first, so they can still tell the Api about the cards they finish).
/// </summary>
public sealed class ServiceSet : IAsyncDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartupProbeInterval = TimeSpan.FromMilliseconds(200);

    private readonly AppHostOptions _options;
    private readonly Action<string, bool> _console;
    private readonly TimeProvider _time;
    private readonly OrphanGuard _guard;
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ServiceProcess> _services = [];
    private Task? _monitor;
    private int _stopped;

    internal ServiceSet(IEnumerable<ServiceDefinition> definitions, AppHostOptions options, Action<string, bool> console, TimeProvider time)
    {
        _options = options;
        _console = console;
        _time = time;
        _guard = OrphanGuard.Start(options.StopTimeout);
        var dotnet = DotnetHost();
        var width = definitions.Max(d => d.Name.Length);
        foreach (var definition in definitions)
        {
            var service = new ServiceProcess(definition, dotnet, BuildInfo.ProjectDll(definition.Project), _guard,
                (s, line, isError) => _console($"{s.Name.PadRight(width)} | {line}", isError), time);
            service.Crashed += OnCrashed;
            _services.Add(service);
        }
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public IReadOnlyList<ServiceProcess> All => _services;

    public ServiceProcess this[string name] =>
        _services.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No service named '{name}'.");

    /// <summary>Starts the services in <paramref name="waves"/> order, each wave healthy before the next starts.</summary>
    internal async Task StartAsync(IEnumerable<IEnumerable<ServiceProcess>> waves, CancellationToken cancellationToken)
    {
        foreach (var wave in waves)
        {
            var started = wave.ToList();
            foreach (var service in started)
                service.Start();
            await Task.WhenAll(started.Select(s => WaitHealthyAsync(s, _options.StartupTimeout, cancellationToken)));
        }
        _monitor = MonitorAsync(_stopping.Token);
    }

    private async Task WaitHealthyAsync(ServiceProcess service, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exited = service.Exited;
        while (true)
        {
            if (exited.IsCompleted)
                throw new ServiceFailedException(service, $"{service.Name} exited with code {exited.Result} while starting");
            if (await ProbeAsync(service, deadline.Token))
            {
                service.MarkRunning();
                return;
            }
            try
            {
                await Task.WhenAny(exited, Task.Delay(StartupProbeInterval, _time, deadline.Token));
            }
            catch (OperationCanceledException) { }
            if (deadline.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new ServiceFailedException(service, $"{service.Name} did not answer {service.Definition.BindUrl}health within {timeout.TotalSeconds:0} s");
            }
        }
    }

    private async Task<bool> ProbeAsync(ServiceProcess service, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _probe.GetAsync(new Uri(service.Definition.BindUrl, "/health"), cancellationToken);
            service.Health = response.IsSuccessStatusCode ? "healthy" : "unhealthy";
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            service.Health = service.State == ServiceState.Starting ? "unknown" : "unhealthy";
            return false;
        }
    }

    private async Task MonitorAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(ProbeInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                foreach (var service in _services.Where(s => s.State is ServiceState.Starting or ServiceState.Running))
                {
                    if (await ProbeAsync(service, stopping))
                        service.MarkRunning();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void OnCrashed(ServiceProcess service, int exitCode)
    {
        var recent = string.Join(Environment.NewLine, service.Output.Tail(15).Select(l => "    " + l.Text));
        _console($"""
            !!! {service.Name} (pid {service.Pid}) exited unexpectedly with code {exitCode}. Its last lines:
            {recent}
            """, true);
        if (_stopping.IsCancellationRequested)
            return;
        if (!_options.RestartCrashed || service.Restarts >= _options.MaxRestarts)
        {
            _console($"!!! {service.Name} stays down ({service.Restarts} restarts so far); the dashboard shows it as crashed.", true);
            return;
        }
        _ = RestartAsync(service);
    }

    private async Task RestartAsync(ServiceProcess service)
    {
        try
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, service.Restarts)));
            _console($"!!! restarting {service.Name} in {backoff.TotalSeconds:0} s (restart {service.Restarts + 1} of {_options.MaxRestarts})", true);
            await Task.Delay(backoff, _time, _stopping.Token);
            service.Start(isRestart: true);
            await WaitHealthyAsync(service, _options.StartupTimeout, _stopping.Token);
            _console($"{service.Name} is back (pid {service.Pid})", false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _console($"!!! restarting {service.Name} failed: {ex.Message}", true);
        }
    }

    /// <summary>SIGKILL to one service, no grace (fault tests: a crashed worker, a killed Api); it stays down until <see cref="StartAgainAsync"/>.</summary>
    public Task KillAsync(string name) => this[name].KillAsync(_options.StopTimeout);

    /// <summary>Stops one service as <see cref="StopAsync()"/> would (SIGTERM, then SIGKILL); it stays down until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync(string name) => this[name].StopAsync(_options.StopTimeout);

    /// <summary>Starts a stopped or killed service again, same port and environment; returns once it answers <c>/health</c>.</summary>
    public async Task StartAgainAsync(string name, CancellationToken cancellationToken = default)
    {
        var service = this[name];
        if (service.State is not (ServiceState.Stopped or ServiceState.Crashed))
            throw new InvalidOperationException($"{name} is {service.State}; only a stopped or crashed service can be started again.");
        service.Start(isRestart: true);
        await WaitHealthyAsync(service, _options.StartupTimeout, cancellationToken);
    }

    /// <summary>
    /// The system is going down: services that exit from now on are not reported as crashed nor restarted.
    /// Called as soon as Ctrl+C or SIGTERM arrives, since a terminal's Ctrl+C reaches the services too.
    /// </summary>
    public void BeginStop()
    {
        if (!_stopping.IsCancellationRequested)
            _stopping.Cancel();
        foreach (var service in _services)
            service.ExpectExit();
    }

    /// <summary>SIGTERM to every service (workers first), SIGKILL to those still running after the stop timeout.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        BeginStop();
        if (_monitor is not null)
            await _monitor;
        var workers = _services.Where(s => s.Definition.Project == DistributedApp.WorkerProject).ToList();
        await Task.WhenAll(workers.Select(s => s.StopAsync(_options.StopTimeout)));
        await Task.WhenAll(_services.Except(workers).Select(s => s.StopAsync(_options.StopTimeout)));
        _guard.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Volatile.Read(ref _stopped) == 1)
            return;
        foreach (var service in _services)
            service.KillNow();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _probe.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The <c>dotnet</c> that runs the AppHost (or a test host), so services run on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }
}

/// <summary>A service did not come up; the message says which and why, and its output is in <see cref="Service"/>.</summary>
public sealed class ServiceFailedException(ServiceProcess service, string message) : Exception(message)
{
    public ServiceProcess Service { get; } = service;
}
