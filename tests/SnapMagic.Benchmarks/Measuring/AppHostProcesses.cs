using System.Globalization;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// The processes the AppHost's orchestrator runs besides the services: DCP itself (its API server, controllers and
/// process monitors, all named <c>dcp</c>) and the Aspire dashboard DCP starts. Found in /proc (Linux) as the
/// descendants of the DCP that monitors this process, which hosts the AppHost.
/// </summary>
public sealed record AppHostProcesses(IReadOnlyList<int> Dcp, IReadOnlyList<int> Dashboard)
{
    public static AppHostProcesses Find()
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? Read(pid) : null)
            .OfType<ProcessEntry>()
            .ToList();
        var monitor = $"--monitor\0{Environment.ProcessId}\0";
        var roots = processes.Where(p => p.Name == "dcp" && CommandLine(p.Pid).Contains(monitor, StringComparison.Ordinal)).Select(p => p.Pid);
        var tree = new HashSet<int>(roots);
        for (var added = true; added;)
        {
            added = false;
            foreach (var process in processes.Where(p => tree.Contains(p.Parent) && !tree.Contains(p.Pid)))
                added |= tree.Add(process.Pid);
        }
        var ours = processes.Where(p => tree.Contains(p.Pid)).ToList();
        return new([.. ours.Where(p => p.Name == "dcp").Select(p => p.Pid)],
            [.. ours.Where(p => p.Name.StartsWith("Aspire.Dashboar", StringComparison.Ordinal)).Select(p => p.Pid)]);
    }

    private sealed record ProcessEntry(int Pid, string Name, int Parent);

    private static ProcessEntry? Read(int pid)
    {
        try
        {
            // "pid (comm) state ppid ..."
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            return new(pid, name, int.Parse(MachineInfo.StatFields(stat)[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
