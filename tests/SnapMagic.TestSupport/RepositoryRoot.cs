using System.Reflection;

namespace SnapMagic.TestSupport;

/// <summary>The checkout this was built from (recorded at build time), where node_modules and the AppHost's scripts are.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } =
        typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "SnapMagic.RepositoryRoot").Value!;
}
