using System.Diagnostics;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.Benchmarks.Scenarios;

namespace SnapMagic.Benchmarks;

/// <summary>Runs the chosen scenarios one after another, each on a freshly started system, and writes the report.</summary>
public sealed class BenchmarkRunner(BenchmarkOptions options)
{
    private static readonly IScenario[] Scenarios = [new PainterScenario(), new AcceptScenario(), new DeliveryScenario(), new PipelineScenario(), new ConnectionScenario(), new ScaleOutScenario(), new AnimationScenario()];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var context = new BenchmarkContext(options);
        var limits = OpenFilesLimit.RaiseSoftToHard();
        var report = new MarkdownReport();
        var started = DateTimeOffset.Now;
        report.Heading(1, $"SnapMagic benchmark — {(options.Backend == "embedded" ? "embedded backend" : "AWS backend on local servers (fauxqs, dynalite)")}{(options.Quick ? " (quick)" : "")}");
        report.Paragraph($"Made by `{options.Command}` on {started:yyyy-MM-dd HH:mm zzz}.");
        report.Heading(2, "Machine and settings");
        report.Bullets(
        [
            $"machine: {MachineInfo.Describe()}; load average at start {MachineInfo.LoadAverage()}",
            "one machine: anything else running on it shows in the load averages printed before and after each scenario; " +
            "the benchmark client (load generator, 10k WebSockets) and the AppHost (Aspire: DCP and the dashboard as processes of their own) run on the same cores too",
            $"build: {BenchmarkOptions.BuildConfiguration} (the benchmark and the AppHost it starts; Aspire runs each service as `dotnet run --no-build`), ASPNETCORE_ENVIRONMENT=Development",
            $"backend: {options.Backend}; each scenario starts its own system (Api, workers, Web) through the AppHost with Aspire.Hosting.Testing on random loopback ports with a fresh data folder, and stops it after",
            "the client reaches the Api through Aspire's proxy (DCP's TCP proxy on the Api's port, in front of the Api's own port), as a browser does under `dotnet run --project SnapMagic.AppHost`",
            "Cards__PerSessionPerMinute=0 (rate limit off), so the figures measure the pipeline, not the limiter",
            limits,
            "telemetry on as in development: every service exports OTLP traces, metrics and logs to the Aspire dashboard",
        ]);

        var failed = 0;
        foreach (var scenario in Scenarios.Where(s => options.Scenarios.Contains(s.Name)))
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await scenario.RunAsync(context, report, cancellationToken);
                context.Progress($"{scenario.Name}: done in {clock.Elapsed.TotalSeconds:0} s");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failed++;
                context.Progress($"{scenario.Name}: FAILED: {ex}");
                report.Heading(2, $"Scenario {scenario.Name}: failed");
                report.Paragraph($"The scenario stopped after {clock.Elapsed.TotalSeconds:0} s: `{ex.GetType().Name}: {ex.Message.Split('\n')[0]}`");
            }
            report.Paragraph($"_({scenario.Name}: {clock.Elapsed.TotalSeconds:0} s; load average after {MachineInfo.LoadAverage()})_");
        }

        var text = report.ToString();
        var path = Path.GetFullPath(options.OutputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, CancellationToken.None);
        Console.WriteLine(text);
        context.Progress($"report written to {path}");
        return failed == 0 ? 0 : 1;
    }
}
