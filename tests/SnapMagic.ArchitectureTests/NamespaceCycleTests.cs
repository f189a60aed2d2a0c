using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace SnapMagic.ArchitectureTests;

/// <summary>
/// In each production assembly, no SnapMagic namespace depends on itself through others: every full namespace is a
/// slice of its own, and the graph of their type dependencies (within the assembly) has no cycle.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData(ProductionAssemblies.Api)]
    [InlineData(ProductionAssemblies.Worker)]
    [InlineData(ProductionAssemblies.Core)]
    [InlineData(ProductionAssemblies.Imaging)]
    [InlineData(ProductionAssemblies.Contracts)]
    [InlineData(ProductionAssemblies.Web)]
    [InlineData(ProductionAssemblies.ServiceDefaults)]
    [InlineData(ProductionAssemblies.FakeBedrock)]
    public void The_namespaces_of_an_assembly_are_free_of_cycles(string assembly) => AssertFreeOfCycles(assembly);

    private static void AssertFreeOfCycles(string assembly)
    {
        var architecture = new ArchLoader().LoadAssemblies(ProductionAssemblies.Load(assembly)).Build();
        var graph = NamespaceGraph.Of(architecture, assembly);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"Namespace cycles in {assembly}:{Environment.NewLine}{string.Join(Environment.NewLine, cycles.Select(graph.Describe))}");
    }
}
