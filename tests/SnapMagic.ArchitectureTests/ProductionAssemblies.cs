using System.Reflection;

namespace SnapMagic.ArchitectureTests;

/// <summary>The production assemblies these rules cover, loaded by name from this project's output.</summary>
public static class ProductionAssemblies
{
    public const string Api = "SnapMagic.Api";
    public const string Worker = "SnapMagic.Worker";
    public const string Core = "SnapMagic.Core";
    public const string Imaging = "SnapMagic.Imaging";
    public const string Contracts = "SnapMagic.Contracts";
    public const string Web = "SnapMagic.Web";
    public const string ServiceDefaults = "SnapMagic.ServiceDefaults";
    public const string FakeBedrock = "SnapMagic.FakeBedrock";

    /// <summary>The processes SnapMagic runs (the AppHost's resources); no library may depend on one.</summary>
    public static readonly string[] Services = [Api, Worker, Web, FakeBedrock, "SnapMagic.AppHost"];

    public static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    /// <summary>
    /// The assemblies <paramref name="name"/> references, directly or through the SnapMagic assemblies it references:
    /// what its process loads of our own code and of the packages that code uses.
    /// </summary>
    public static IReadOnlySet<string> ReferencedClosure(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([Load(name)]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } referenced || !seen.Add(referenced))
                    continue;
                if (referenced.StartsWith("SnapMagic.", StringComparison.Ordinal))
                    pending.Push(Load(referenced));
            }
        }
        return seen;
    }
}
