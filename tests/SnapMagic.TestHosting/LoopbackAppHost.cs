using System.Globalization;
using System.Security.Cryptography;
using SnapMagic.TestSupport;

namespace SnapMagic.TestHosting;

/// <summary>
/// The AppHost's command line for a system a test or benchmark starts itself through Aspire.Hosting.Testing, which
/// randomizes every proxied port (the Api's, the page's, the dashboard's): free loopback ports all the same, so the
/// AppHost's fixed defaults are never even asked for; its own data folder; keys of its own, so a test never writes the
/// developer's user secrets, where the AppHost keeps the keys it generates; the dashboard and its telemetry API open
/// without a token.
/// </summary>
public static class LoopbackAppHost
{
    public static string[] Args(string backend, int workers, string dataDirectory, int apiReplicas = 1)
    {
        // Port 0 cannot be given: the AppHost hands these URLs to the services (and the OTLP receiver's to each
        // service's exporter) before anything binds them, so nothing could report the port it got.
        static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);
        static string Key() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        return
        [
            "--backend", backend,
            "--workers", workers.ToString(CultureInfo.InvariantCulture),
            "--api-replicas", apiReplicas.ToString(CultureInfo.InvariantCulture),
            "--api-port", Port(),
            "--web-port", Port(),
            "--dashboard-port", Port(),
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{Port()}",
            "--data-dir", dataDirectory,
            $"--Parameters:jwt-signing-key={Key()}",
            $"--Parameters:internal-api-key={Key()}",
            "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
        ];
    }

    /// <summary>The AppHost's DLL as built with this project, in the same configuration, to run its command line.</summary>
    public static string BuiltDll()
    {
        // This runs from <project>/bin/<configuration>/<framework>/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var path = Projects.SnapMagic_AppHost.ProjectPath;
        var project = path.EndsWith(".csproj", StringComparison.Ordinal) ? Path.GetDirectoryName(path)! : path;
        return Path.Combine(project, "bin", configuration, "net10.0", "SnapMagic.AppHost.dll");
    }
}
