using System.Diagnostics;
using System.Globalization;
using SnapMagic.Benchmarks.Client;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1: POST /api/cards at fixed arrival rates, each next to GET /alive on the same Api at the same
/// rate (the floor: what the server, the loopback and this client cost without any card work), spread over
/// many sessions; and issue 2's figure, one POST after another. The workers consume the cards meanwhile.
/// </summary>
public sealed class AcceptScenario : IScenario
{
    private static readonly int[] Rates = [100, 500, 1000];
    private const int Sessions = 200;
    private const int SequentialRequests = 1000;

    public string Name => "accept";

    public async Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new SystemSettings();
        var duration = TimeSpan.FromSeconds(context.Quick ? 2 : 10);
        context.Progress($"accept: starting the system ({settings.Describe()})");
        await using var system = await BenchmarkSystem.StartAsync(context.Options.Backend, settings, cancellationToken);
        var api = system.Api;
        var sessions = await api.LogInManyAsync(Sessions, cancellationToken);
        var submitted = 0;
        Task Submit(int i, CancellationToken ct)
        {
            Interlocked.Increment(ref submitted);
            return api.SubmitAsync(sessions[i % sessions.Count], Prompts.For("accept", i), ct);
        }

        context.Progress("accept: warm-up (200 POSTs, 200 GET /alive, 8 at a time)");
        await Parallel.ForAsync(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => { await Submit(i, ct); await api.AliveAsync(ct); });

        context.Progress($"accept: {SequentialRequests} POSTs one after another (issue 2)");
        var sequential = new LatencySample("POST /api/cards, one at a time");
        for (var i = 0; i < SequentialRequests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Submit(i, cancellationToken);
                sequential.Add(Stopwatch.GetElapsedTime(started));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                sequential.AddError(ErrorReason.Of(ex));
            }
        }

        var results = new List<(int Rate, LoadResult Alive, LoadResult Post, double ApiCpu, double WorkerCpu)>();
        foreach (var rate in Rates)
        {
            context.Progress($"accept: GET /alive at {rate}/s for {duration.TotalSeconds:0} s");
            var alive = await OpenLoopLoad.RunAsync($"GET /alive at {rate}/s", rate, duration, (_, ct) => api.AliveAsync(ct),
                cancellationToken: cancellationToken);
            context.Progress($"accept: POST /api/cards at {rate}/s for {duration.TotalSeconds:0} s");
            var cpu = CpuWindow.Start(system.ApiPid);
            var workers = CpuWindow.Start(system.WorkerPids);
            var post = await OpenLoopLoad.RunAsync($"POST /api/cards at {rate}/s", rate, duration, Submit,
                cancellationToken: cancellationToken);
            results.Add((rate, alive, post, cpu.PercentOfOneCore(), workers.PercentOfOneCore()));
        }

        Write(report, settings, duration, sequential, results, Volatile.Read(ref submitted));
    }

    private static void Write(MarkdownReport report, SystemSettings settings, TimeSpan duration, LatencySample sequential,
        List<(int Rate, LoadResult Alive, LoadResult Post, double ApiCpu, double WorkerCpu)> results, int submitted)
    {
        report.Heading(2, "1. Accept latency: POST /api/cards against GET /alive");
        report.Paragraph(
            $"Open loop: requests leave at a fixed arrival rate whatever the answers, and latency counts from the moment a request " +
            $"was due, so queueing in the client or the server is in the figures. {duration.TotalSeconds:0} s per rate and " +
            $"endpoint, POSTs spread round-robin over {Sessions} sessions (logins); GET /alive runs first at the same rate on the " +
            $"same Api as the floor. The workers consume the cards meanwhile ({settings.Describe()}); {submitted} cards were " +
            $"submitted in this scenario, so a backlog grows and the workers paint throughout. One HTTP/1.1 connection per request " +
            $"in flight, all on 127.0.0.1.");
        report.Heading(3, "Issue 2: POST /api/cards latency, one request after another");
        report.LatencyTable(["series"], [(["POST /api/cards, closed loop, 1 in flight (after a 200-request warm-up)"], sequential)]);

        report.Heading(3, "At fixed arrival rates");
        report.LatencyTable(["rate /s", "endpoint", "sent /s"], results.SelectMany(r => new (IReadOnlyList<string>, LatencySample)[]
        {
            ([Rate(r.Rate), "GET /alive", MarkdownReport.Number(r.Alive.AchievedRate, "0")], r.Alive.Latency),
            ([Rate(r.Rate), "POST /api/cards", MarkdownReport.Number(r.Post.AchievedRate, "0")], r.Post.Latency),
        }));
        report.Table(["rate /s", "POST p50 / alive p50", "POST p99 / alive p99", "Api CPU during POSTs (% of one core)", "workers' CPU meanwhile (% of one core)"],
            results.Select(r => (IReadOnlyList<string>)
            [
                Rate(r.Rate),
                MarkdownReport.Number(r.Post.Latency.Percentile(50) / r.Alive.Latency.Percentile(50), "0.0") + "×",
                MarkdownReport.Number(r.Post.Latency.Percentile(99) / r.Alive.Latency.Percentile(99), "0.0") + "×",
                MarkdownReport.Number(r.ApiCpu, "0"),
                MarkdownReport.Number(r.WorkerCpu, "0"),
            ]));
        report.Paragraph(
            "The Api's own histogram `snapmagic.api.cards.accept.duration` (job write plus queue send, inside the request) is on " +
            "the Aspire dashboard's metrics view; the dashboard has no API for metrics, so it is not in this report.");
    }

    private static string Rate(int rate) => rate.ToString(CultureInfo.InvariantCulture);
}
