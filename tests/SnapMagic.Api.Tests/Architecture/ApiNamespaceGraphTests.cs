using System.Text.RegularExpressions;
using SnapMagic.TestSupport;

namespace SnapMagic.Api.Tests.Architecture;

/// <summary>
/// The Api's folders stay self-contained: no namespace of SnapMagic.Api reaches itself through the others'
/// <c>using SnapMagic.Api.*</c> (the Extensions composition root may use every feature; no feature may use it).
/// </summary>
public sealed partial class ApiNamespaceGraphTests
{
    private const string Root = "(root)";
    private static readonly string ProjectFolder = Path.Combine(RepositoryRoot.Path, "SnapMagic.Api");

    [Fact]
    public void No_namespace_is_in_a_dependency_cycle()
    {
        var graph = ReadGraph();
        var cycles = graph.Keys.Select(start => FindCycle(graph, start)).OfType<string>().Distinct().ToList();

        Assert.True(cycles.Count == 0, "Cycles: " + string.Join("; ", cycles) + "\nGraph:\n" + Describe(graph));
    }

    [Fact]
    public void No_feature_uses_the_composition_root()
    {
        var users = ReadGraph().Where(node => node.Key != "Program" && node.Value.Contains("Extensions")).Select(node => node.Key).ToList();

        Assert.Empty(users);
    }

    /// <summary>
    /// Folder → the SnapMagic.Api namespaces its files use. The root namespace's files are "(root)", and every folder
    /// uses it without a using (C# looks names up in enclosing namespaces); Program.cs, in the global namespace, is "Program".
    /// </summary>
    private static Dictionary<string, SortedSet<string>> ReadGraph()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ProjectFolder, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
                continue;
            var folder = relative == "Program.cs" ? "Program" : Path.GetDirectoryName(relative) is { Length: > 0 } name ? name : Root;
            var used = graph.TryGetValue(folder, out var set) ? set : graph[folder] = new SortedSet<string>(StringComparer.Ordinal);
            if (folder is not (Root or "Program"))
                used.Add(Root);
            foreach (Match match in UsingApiNamespace().Matches(File.ReadAllText(file)))
            {
                if (match.Groups[1].Value != folder)
                    used.Add(match.Groups[1].Value);
            }
        }
        return graph;
    }

    private static string? FindCycle(Dictionary<string, SortedSet<string>> graph, string start)
    {
        var path = new List<string> { start };
        return Walk(start);

        string? Walk(string node)
        {
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (next == start)
                    return string.Join(" -> ", path.Append(start));
                if (path.Contains(next))
                    continue;
                path.Add(next);
                var found = Walk(next);
                path.RemoveAt(path.Count - 1);
                if (found is not null)
                    return found;
            }
            return null;
        }
    }

    private static string Describe(Dictionary<string, SortedSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(node => node.Key, StringComparer.Ordinal).Select(node => $"{node.Key} -> {string.Join(", ", node.Value)}"));

    [GeneratedRegex(@"^using (?:static )?SnapMagic\.Api\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingApiNamespace();
}
