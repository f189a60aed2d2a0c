using SnapMagic.Benchmarks.Reporting;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>One measured scenario: starts the system it needs, measures, writes its section of the report, stops the system.</summary>
public interface IScenario
{
    string Name { get; }
    Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken);
}

/// <summary>What every scenario gets: the options and a progress line writer (stderr, so stdout stays the report).</summary>
public sealed class BenchmarkContext(BenchmarkOptions options)
{
    public BenchmarkOptions Options { get; } = options;
    public bool Quick => Options.Quick;

    public void Progress(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
