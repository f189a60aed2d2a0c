using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnapMagic.AppHost.Dashboard;
using SnapMagic.AppHost.LocalAws;
using SnapMagic.AppHost.Telemetry;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// The whole SnapMagic system on one machine: the Api, N workers and the Web page as child processes wired
/// to each other through environment variables, plus the developer dashboard. The command line
/// (Program.cs) and the end-to-end tests both start the system through this class.
/// </summary>
public sealed class DistributedApp : IAsyncDisposable
{
    public const string ApiProject = "SnapMagic.Api";
    public const string WorkerProject = "SnapMagic.Worker";
    public const string WebProject = "SnapMagic.Web";

    private readonly WebApplication _dashboard;
    private readonly Action<string, bool> _console;
    private readonly IBackendResources? _backend;

    private DistributedApp(AppHostOptions options, Action<string, bool> console)
    {
        _console = console;
        Options = options;
        EnsurePortsFree(options);
        // Before anything is written: --backend aws stops here when a setting is missing.
        _backend = options switch
        {
            { LocalAws: true } => new LocalAwsBackend(options, console),
            { Backend: "Aws" } => new AwsBackend(options, console),
            _ => null,
        };
        DataDirectory = options.DataDirectory
            ?? Path.Combine(BuildInfo.RepositoryRoot, ".snapmagic-data", $"run-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(DataDirectory);
        ApiUrl = new Uri($"http://localhost:{options.ApiPort}");
        WebUrl = new Uri($"http://localhost:{options.WebPort}");
        DashboardUrl = new Uri($"http://localhost:{options.DashboardPort}");
        InternalApiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Services = new ServiceSet(Definitions(), options, console, TimeProvider.System);
        _dashboard = BuildDashboard();
    }

    public AppHostOptions Options { get; }
    /// <summary>The Api as browsers reach it (<c>Api:PublicUrl</c>).</summary>
    public Uri ApiUrl { get; }
    public Uri WebUrl { get; }
    public Uri DashboardUrl { get; }
    public string DataDirectory { get; }
    /// <summary>Random per run: the key workers show the Api's internal endpoint.</summary>
    public string InternalApiKey { get; }
    public ServiceSet Services { get; }
    /// <summary>The local servers of <c>--backend aws-local</c> (tests script its fake Bedrock); null otherwise.</summary>
    public LocalAwsBackend? LocalAws => _backend as LocalAwsBackend;
    /// <summary>The servers the backend runs on this machine (<c>--backend aws-local</c>'s); none for the others.</summary>
    public IReadOnlyList<BackendServerView> BackendServers => _backend?.DescribeServers() ?? [];

    public static DistributedApp Create(AppHostOptions options, Action<string, bool>? console = null) =>
        new(options, console ?? ((_, _) => { }));

    /// <summary>Starts the dashboard, the backend's resources, then the Api, then the workers and the page; returns when all answer <c>/health</c>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _dashboard.StartAsync(cancellationToken);
        if (_backend is not null)
            await _backend.StartAsync(cancellationToken);
        var all = Services.All;
        await Services.StartAsync(
            [
                all.Where(s => s.Definition.Project == ApiProject),
                all.Where(s => s.Definition.Project != ApiProject),
            ],
            cancellationToken);
    }

    /// <summary>Stops every service (SIGTERM, then SIGKILL after the stop timeout), then the backend's local servers and the dashboard.</summary>
    public async Task StopAsync()
    {
        await Services.StopAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
        await _dashboard.StopAsync(CancellationToken.None);
    }

    /// <summary>The command line: start, print the URLs, run until Ctrl+C or SIGTERM, stop everything. Returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        var stopping = _dashboard.Lifetime.ApplicationStopping;
        using var expectExits = stopping.Register(Services.BeginStop);
        try
        {
            _console($"SnapMagic: starting Api, {Options.Workers} worker(s) and Web ({(Options.LocalAws ? "aws-local" : Options.Backend)} backend, data in {DataDirectory})", false);
            await StartAsync(stopping);
        }
        catch (Exception ex) when (ex is ServiceFailedException or BackendFailedException)
        {
            _console($"!!! {ex.Message}. The system did not start; stopping everything.", true);
            await StopAsync();
            return 1;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await StopAsync();
            return 130;
        }

        _console($"""

            SnapMagic is running. Press Ctrl+C to stop.
              Web page:   {WebUrl}
              Api:        {ApiUrl}
              Dashboard:  {DashboardUrl}
            {string.Concat((_backend?.Describe() ?? []).Select(line => $"  {line}{Environment.NewLine}"))}
            """, false);
        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        _console("SnapMagic: stopping every service...", false);
        await StopAsync();
        _console("SnapMagic: stopped.", false);
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Services.DisposeAsync();
        await _dashboard.DisposeAsync();
    }

    private IEnumerable<ServiceDefinition> Definitions()
    {
        var web = new Uri($"http://localhost:{Options.WebPort}");
        yield return Define("api", ApiProject, Options.ApiPort, ApiUrl, "api");
        for (var i = 1; i <= Options.Workers; i++)
            yield return Define($"worker-{i}", WorkerProject, LoopbackPort.NextFree(), publicUrl: null, "worker");
        yield return Define("web", WebProject, Options.WebPort, web, "web");
    }

    private ServiceDefinition Define(string name, string project, int port, Uri? publicUrl, string serviceName)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Backend"] = Options.Backend,
            ["Embedded__DataDirectory"] = DataDirectory,
            ["Api__PublicUrl"] = ApiUrl.ToString().TrimEnd('/'),
            ["Api__InternalUrl"] = $"http://127.0.0.1:{Options.ApiPort}",
            ["Internal__ApiKey"] = InternalApiKey,
            ["Cors__AllowedOrigins"] = $"http://localhost:{Options.WebPort},http://127.0.0.1:{Options.WebPort}",
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={name}",
        };
        foreach (var (key, value) in _backend?.Environment ?? new Dictionary<string, string>())
            environment[key] = value;
        foreach (var (key, value) in OtlpEnvironment.For(serviceName, new Uri($"http://127.0.0.1:{Options.DashboardPort}")))
            environment[key] = value;
        // No console line per request (the AppHost probes /health every few seconds), unless the developer
        // asks for one. ServiceDefaults already prints one line per entry.
        foreach (var (key, value) in ConsoleLogDefaults)
        {
            if (Environment.GetEnvironmentVariable(key) is null)
                environment[key] = value;
        }
        foreach (var (key, value) in Options.Environment)
            environment[key] = value;
        return new ServiceDefinition(name, project, port, publicUrl, environment);
    }

    private static readonly (string Key, string Value)[] ConsoleLogDefaults =
    [
        ("Logging__LogLevel__Microsoft.AspNetCore", "Warning"),
    ];

    private WebApplication BuildDashboard()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Options.DashboardPort));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (!Options.HandleShutdownSignals)
            builder.Services.AddSingleton<IHostLifetime, ExternallyStoppedLifetime>();
        builder.AddServiceDefaults();
        builder.Services.AddTelemetryCollector();
        builder.Services.AddSingleton(Services);
        builder.Services.AddSingleton(this);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDashboard();
        app.MapOtlpReceiver();
        app.MapTelemetryApi();
        return app;
    }

    private static void EnsurePortsFree(AppHostOptions options)
    {
        foreach (var (name, port, flag) in new[]
        {
            ("Api", options.ApiPort, "--api-port"),
            ("Web", options.WebPort, "--web-port"),
            ("dashboard", options.DashboardPort, "--dashboard-port"),
        })
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
            }
            catch (SocketException)
            {
                throw new InvalidOperationException(
                    $"Port {port} for the {name} is in use (another SnapMagic still running?). Stop it or choose another port with {flag}.");
            }
        }
    }

    /// <summary>A lifetime that ignores Ctrl+C and SIGTERM: the code that created the app stops it (tests).</summary>
    private sealed class ExternallyStoppedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
