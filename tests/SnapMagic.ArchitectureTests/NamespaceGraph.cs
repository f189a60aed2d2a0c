using ArchUnitNET.Domain;

namespace SnapMagic.ArchitectureTests;

/// <summary>
/// The SnapMagic namespaces of one assembly and which depends on which (a type of one uses a type of the other),
/// with one type dependency kept per edge to name in a failure.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(Architecture architecture, string assembly)
    {
        var graph = new NamespaceGraph();
        foreach (var type in architecture.Types.Where(t => IsOwn(t, assembly)))
        {
            var from = type.Namespace.FullName;
            var edges = graph.EdgesOf(from);
            foreach (var dependency in type.Dependencies)
            {
                var target = dependency.Target;
                if (IsOwn(target, assembly) && target.Namespace.FullName != from)
                    edges.TryAdd(target.Namespace.FullName, $"{type.FullName} -> {target.FullName}");
            }
        }
        return graph;
    }

    /// <summary>The strongly connected sets of two or more namespaces (Tarjan's algorithm), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in EdgesOf(node).Keys)
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLink[node] = Math.Min(lowLink[node], index[next]);
                }
            }
            if (lowLink[node] != index[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (var node in _edges.Keys.ToList())
            if (!index.ContainsKey(node))
                Visit(node);
        return cycles;
    }

    /// <summary>A cycle's namespaces and, for each edge between them, one type dependency that makes it.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        $"  {string.Join(" <-> ", cycle)}:{Environment.NewLine}" + string.Join(Environment.NewLine,
            cycle.SelectMany(from => EdgesOf(from).Where(edge => cycle.Contains(edge.Key)).Select(edge => $"    {edge.Value}")));

    private SortedDictionary<string, string> EdgesOf(string ns)
    {
        if (!_edges.TryGetValue(ns, out var edges))
            _edges[ns] = edges = new SortedDictionary<string, string>(StringComparer.Ordinal);
        return edges;
    }

    /// <summary>
    /// A type of the assembly in a SnapMagic namespace: not the generators' own namespaces, nor the global Program, nor a
    /// generic parameter (ArchUnitNET shares one between same-named generic methods of different types, such as the
    /// JSON source generator's in every context, which would make edges no code has).
    /// </summary>
    private static bool IsOwn(IType type, string assembly) =>
        type is not GenericParameter
        && type.Assembly?.Name is { } name && (name == assembly || name.StartsWith(assembly + ",", StringComparison.Ordinal))
        && type.Namespace?.FullName is { } ns && (ns == "SnapMagic" || ns.StartsWith("SnapMagic.", StringComparison.Ordinal));
}
