using System.Reflection;
namespace SnapMagic.Benchmarks;

/// <summary>The benchmark's command line.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/SnapMagic.Benchmarks -- [options]
          --backend NAME     embedded (default) | aws-local (fauxqs + dynalite on loopback; needs `npm ci`)
          --scenario NAME    all (default) | painter | accept | delivery | pipeline | connections | scaleout | animations (repeat or comma-separate)
          --quick            a reduced smoke run (2 s per rate, 100 cards, 1k connections)
          --out PATH         the markdown report (default benchmark-report.md)
        """;

    public static readonly IReadOnlyList<string> AllScenarios = ["painter", "accept", "delivery", "pipeline", "connections", "scaleout", "animations"];

    /// <summary>Release or Debug: the configuration this benchmark (and so the AppHost and the services it starts) was built in.</summary>
    public static string BuildConfiguration { get; } =
        typeof(BenchmarkOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    public string Backend { get; init; } = "embedded";
    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;
    public bool Quick { get; init; }
    public string OutputPath { get; init; } = "benchmark-report.md";

    /// <summary>The command that reproduces this run, for the report.</summary>
    public string Command
    {
        get
        {
            var scenarios = Scenarios.Count == AllScenarios.Count ? "all" : string.Join(',', Scenarios);
            var configuration = BuildConfiguration == "Debug" ? "" : $"-c {BuildConfiguration} ";
            return $"dotnet run {configuration}--project tests/SnapMagic.Benchmarks -- --backend {Backend} --scenario {scenarios}" +
                   (Quick ? " --quick" : "") + $" --out {OutputPath}";
        }
    }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        List<string>? scenarios = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--backend":
                    var backend = Value().ToLowerInvariant();
                    options = options with { Backend = backend is "embedded" or "aws-local" ? backend : throw new ArgumentException($"Unknown backend '{backend}': use embedded or aws-local.") };
                    break;
                case "--scenario":
                    scenarios ??= [];
                    foreach (var scenario in Value().ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (scenario == "all") scenarios.AddRange(AllScenarios);
                        else if (AllScenarios.Contains(scenario)) scenarios.Add(scenario);
                        else throw new ArgumentException($"Unknown scenario '{scenario}': use all, {string.Join(", ", AllScenarios)}.");
                    }
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--out":
                    options = options with { OutputPath = Value() };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        return scenarios is null ? options : options with { Scenarios = [.. AllScenarios.Where(scenarios.Contains)] };
    }
}
