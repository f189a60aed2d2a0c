using SnapMagic.AppHost.Hosting;

namespace SnapMagic.TestSupport;

/// <summary>
/// AppHost options for a system a test or benchmark starts itself: free loopback ports, its own data folder, no
/// restarts (a crash is a finding) and no signal handling (the caller stops it).
/// </summary>
public static class LoopbackAppHost
{
    public static AppHostOptions Options(string backend, int workers, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        AppHostOptions.Parse(["--backend", backend]) with
        {
            Workers = workers,
            ApiPort = FreePort.Next(),
            WebPort = FreePort.Next(),
            DashboardPort = FreePort.Next(),
            DataDirectory = dataDirectory,
            RestartCrashed = false,
            HandleShutdownSignals = false,
            StartupTimeout = TimeSpan.FromSeconds(60),
            StopTimeout = TimeSpan.FromSeconds(30),
            Environment = environment ?? new Dictionary<string, string>(),
        };
}
