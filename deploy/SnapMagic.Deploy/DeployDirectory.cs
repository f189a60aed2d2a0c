using System.Reflection;

namespace SnapMagic.Deploy;

/// <summary>The repository's deploy/ folder (recorded at build time): <c>dotnet run</c> writes the cloud assembly to its cdk.out wherever it is run from.</summary>
public static class DeployDirectory
{
    public static string Path { get; } =
        typeof(DeployDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "SnapMagic.DeployDirectory").Value!;

    /// <summary>Where the cloud assembly goes: the CDK CLI's choice (CDK_OUTDIR) when it runs the app, else deploy/cdk.out.</summary>
    public static string CloudAssemblyPath =>
        Environment.GetEnvironmentVariable("CDK_OUTDIR") is { Length: > 0 } cliChoice ? cliChoice : System.IO.Path.Combine(Path, "cdk.out");
}
