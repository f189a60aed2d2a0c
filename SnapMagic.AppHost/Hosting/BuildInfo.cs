using System.Reflection;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// Where the AppHost was built from, recorded at build time (AssemblyMetadata in the .csproj), so it finds
/// the services' DLLs built in the same configuration, wherever it runs from (dotnet run, a test host).
/// </summary>
public static class BuildInfo
{
    public static string RepositoryRoot { get; } = Read("SnapMagic.RepositoryRoot");
    public static string Configuration { get; } = Read("SnapMagic.Configuration");
    public static string TargetFramework { get; } = Read("SnapMagic.TargetFramework");

    /// <summary>The folder of a project in the repository, e.g. <c>SnapMagic.Api</c>.</summary>
    public static string ProjectDirectory(string project) => Path.Combine(RepositoryRoot, project);

    /// <summary>The built DLL of a project, e.g. <c>SnapMagic.Api/bin/Release/net10.0/SnapMagic.Api.dll</c>.</summary>
    public static string ProjectDll(string project)
    {
        var dll = Path.Combine(ProjectDirectory(project), "bin", Configuration, TargetFramework, project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException(
                $"{dll} is missing: build the AppHost (it builds the services too): dotnet build SnapMagic.AppHost -c {Configuration}", dll);
    }

    private static string Read(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing from SnapMagic.AppHost.");
}
