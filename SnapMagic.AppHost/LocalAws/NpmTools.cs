using System.Diagnostics;

namespace SnapMagic.AppHost.LocalAws;

/// <summary>
/// The npm packages <c>--backend aws-local</c> runs (fauxqs, dynalite and the Node 22 that runs them, all in
/// the repository's package.json). On first use they are missing: the AppHost runs <c>npm ci</c> once and says so.
/// </summary>
internal static class NpmTools
{
    private static readonly string[] Packages = ["fauxqs", "dynalite"];

    public static bool AreInstalled(string root) =>
        File.Exists(LocalNodeServer.NodePath(root)) && Packages.All(p => Directory.Exists(LocalNodeServer.PackagePath(root, p)));

    /// <summary>Runs <c>npm ci</c> in <paramref name="root"/> when the packages are missing; throws a readable error when it cannot.</summary>
    public static async Task EnsureInstalledAsync(string root, Action<string, bool> console, CancellationToken cancellationToken)
    {
        if (AreInstalled(root))
            return;
        console($"SnapMagic: fauxqs and dynalite are not installed yet: running `npm ci` in {root} (first use of --backend aws-local)...", false);
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("ci");
        start.ArgumentList.Add("--no-audit");
        start.ArgumentList.Add("--no-fund");
        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"--backend aws-local needs npm to install fauxqs and dynalite ({ex.Message}): install Node.js, then run `npm ci` in {root}.", ex);
        }
        using (npm)
        {
            npm.OutputDataReceived += (_, e) => { if (e.Data is not null) console($"npm | {e.Data}", false); };
            npm.ErrorDataReceived += (_, e) => { if (e.Data is not null) console($"npm | {e.Data}", false); };
            npm.BeginOutputReadLine();
            npm.BeginErrorReadLine();
            try
            {
                await npm.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw;
            }
            if (npm.ExitCode != 0 || !AreInstalled(root))
                throw new InvalidOperationException($"`npm ci` in {root} failed (exit code {npm.ExitCode}); its output is above. Fix it and run `npm ci` there yourself.");
        }
        console("SnapMagic: npm tools installed.", false);
    }
}
