using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace SnapMagic.TestHosting;

/// <summary>
/// One running instance of a service (the Api, a worker replica, the page) as Aspire reports it, and the lines it printed.
/// Aspire runs a project as <c>dotnet run</c>; <see cref="Pid"/> is the service's own process, that command's child.
/// </summary>
public sealed class ServiceProcess(string name, string resourceId)
{
    private readonly ConcurrentQueue<string> _output = new();

    /// <summary><c>api</c>, <c>web</c>, or <c>worker-1</c>, <c>worker-2</c>, ... in the order Aspire created them.</summary>
    public string Name { get; } = name;

    /// <summary>Aspire's id of the instance (a replica's has a random suffix).</summary>
    public string ResourceId { get; } = resourceId;

    public ResourceEvent? Latest { get; internal set; }

    public string? State => Latest?.Snapshot.State?.Text;

    public int? ExitCode => Latest?.Snapshot.ExitCode;

    /// <summary>The pid of the <c>dotnet run</c> Aspire started.</summary>
    public int? LauncherPid => Latest?.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
    {
        int pid => pid,
        long pid => (int)pid,
        string text when int.TryParse(text, CultureInfo.InvariantCulture, out var pid) => pid,
        _ => null,
    };

    /// <summary>The service's own process (the launcher's child that is not an MSBuild node), or null while there is none.</summary>
    public int? Pid => LauncherPid is { } launcher
        ? ProcessTree.ChildrenOf(launcher).Where(child => !ProcessTree.CommandLine(child).Contains("MSBuild.dll", StringComparison.Ordinal))
            .Select(child => (int?)child).FirstOrDefault()
        : null;

    internal void Append(string line)
    {
        _output.Enqueue(line);
        while (_output.Count > 5000)
            _output.TryDequeue(out _);
    }

    /// <summary>The last <paramref name="count"/> lines, only those containing <paramref name="text"/> when given.</summary>
    public IReadOnlyList<string> Lines(int count = 5000, string? text = null) =>
        [.. _output.Where(line => text is null || line.Contains(text, StringComparison.Ordinal)).TakeLast(count)];
}
