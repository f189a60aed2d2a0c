using System.Globalization;
using SnapMagic.TestSupport;

namespace SnapMagic.TestHosting;

/// <summary>
/// The AppHost's command line for a system a test or benchmark starts itself (through Aspire.Hosting.Testing): free
/// loopback ports for the dashboard and its OTLP receiver (Aspire's testing builder randomizes the Api's and the
/// page's ports anyway), its own data folder, and the dashboard and its telemetry API open without a token.
/// </summary>
public sealed record LoopbackAppHost(string[] Args, Uri DashboardUrl)
{
    public static LoopbackAppHost For(string backend, int workers, string dataDirectory, int apiReplicas = 1)
    {
        var dashboard = FreePort.Next();
        var otlp = FreePort.Next();
        return new LoopbackAppHost(
        [
            "--backend", backend,
            "--workers", workers.ToString(CultureInfo.InvariantCulture),
            "--api-replicas", apiReplicas.ToString(CultureInfo.InvariantCulture),
            "--dashboard-port", dashboard.ToString(CultureInfo.InvariantCulture),
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{otlp}",
            "--data-dir", dataDirectory,
            "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
        ], new Uri($"http://localhost:{dashboard}"));
    }

    /// <summary>The AppHost's DLL as built with this project, in the same configuration, to run its command line.</summary>
    public static string BuiltDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var project = Path.GetDirectoryName(Projects.SnapMagic_AppHost.ProjectPath)!;
        return Path.Combine(project, "bin", configuration, "net10.0", "SnapMagic.AppHost.dll");
    }
}
