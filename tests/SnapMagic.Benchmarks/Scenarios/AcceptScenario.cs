using System.Globalization;
using SnapMagic.Benchmarks.Client;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1: POST /api/cards at fixed arrival rates, each next to GET /alive on the same Api at the same
/// rate (the floor: what the server, the loopback and this client cost without any card work), spread over
/// many sessions; issue 2's figure, one POST after another; and issue 10's, a closed loop of POSTs and then of
/// GET /alive at the same concurrency while the workers paint the backlog. The workers consume the cards meanwhile.
/// </summary>
public sealed class AcceptScenario : IScenario
{
    private static readonly int[] Rates = [100, 500, 1000];
    private const int Sessions = 200;
    private const int SequentialRequests = 1000;
    private const int ClosedLoopRequests = 2000;
    private const int ClosedLoopInFlight = 16;

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

        var closedLoop = await RunClosedLoopAsync(context, system, Submit, cancellationToken);

        context.Progress($"accept: {SequentialRequests} POSTs one after another (issue 2)");
        var sequential = await ClosedLoopLoad.RunAsync("POST /api/cards, one at a time", SequentialRequests, inFlight: 1, Submit, cancellationToken);

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
        closedLoop.Write(report);
    }

    /// <summary>
    /// Issue 10's figure: <see cref="ClosedLoopRequests"/> POSTs at <see cref="ClosedLoopInFlight"/> in flight, then as
    /// many GET /alive the same way, while the workers paint the backlog the POSTs (and the warm-up) made.
    /// </summary>
    private static async Task<ClosedLoopResult> RunClosedLoopAsync(
        BenchmarkContext context, BenchmarkSystem system, Func<int, CancellationToken, Task> submit, CancellationToken cancellationToken)
    {
        context.Progress($"accept: closed loop, {ClosedLoopRequests} POSTs then {ClosedLoopRequests} GET /alive at {ClosedLoopInFlight} in flight");
        var loadBefore = MachineInfo.LoadAverage();
        var postWorkers = CpuWindow.Start(system.WorkerPids);
        var postApi = CpuWindow.Start(system.ApiPid);
        var postClient = CpuWindow.Start(Environment.ProcessId);
        var postMachine = MachineCpuWindow.Start();
        var post = await ClosedLoopLoad.RunAsync("POST /api/cards, closed loop", ClosedLoopRequests, ClosedLoopInFlight, submit, cancellationToken);
        var postCpu = new ClosedLoopCpu(postMachine.PercentOfOneCore(), postApi.PercentOfOneCore(), postWorkers.PercentOfOneCore(), postClient.PercentOfOneCore());
        var apiCpuPerPost = postApi.Used.TotalMilliseconds / ClosedLoopRequests;
        var aliveWorkers = CpuWindow.Start(system.WorkerPids);
        var aliveApi = CpuWindow.Start(system.ApiPid);
        var aliveClient = CpuWindow.Start(Environment.ProcessId);
        var aliveMachine = MachineCpuWindow.Start();
        var alive = await ClosedLoopLoad.RunAsync("GET /alive, closed loop", ClosedLoopRequests, ClosedLoopInFlight,
            (_, ct) => system.Api.AliveAsync(ct), cancellationToken);
        var aliveCpu = new ClosedLoopCpu(aliveMachine.PercentOfOneCore(), aliveApi.PercentOfOneCore(), aliveWorkers.PercentOfOneCore(), aliveClient.PercentOfOneCore());
        var result = new ClosedLoopResult(post, alive, postCpu, aliveCpu, apiCpuPerPost, loadBefore, MachineInfo.LoadAverage());
        context.Progress($"accept: closed loop: {result.Summary}");
        return result;
    }

    /// <summary>Where the machine's CPU went during one loop, each in percent of one core; the rest is the AppHost's DCP (its proxy), the dashboard, the local AWS servers, and anything else running.</summary>
    private sealed record ClosedLoopCpu(double Machine, double Api, double Workers, double Client)
    {
        public double Rest => Machine - Api - Workers - Client;

        public IReadOnlyList<string> Row(string loop) =>
            [loop, .. new[] { Machine, Api, Workers, Client, Rest }.Select(v => MarkdownReport.Number(v, "0"))];
    }

    private sealed record ClosedLoopResult(LatencySample Post, LatencySample Alive, ClosedLoopCpu PostCpu, ClosedLoopCpu AliveCpu,
        double ApiCpuMsPerPost, string LoadBefore, string LoadAfter)
    {
        private double ApiCpu => PostCpu.Api;
        private double WorkerCpuDuringPosts => PostCpu.Workers;
        private double WorkerCpuDuringAlive => AliveCpu.Workers;

        private double P50Ratio => Post.Percentile(50) / Alive.Percentile(50);

        public string Summary =>
            $"POST p50 {MarkdownReport.Millis(Post.Percentile(50))} ms p99 {MarkdownReport.Millis(Post.Percentile(99))} ms; " +
            $"/alive p50 {MarkdownReport.Millis(Alive.Percentile(50))} ms p99 {MarkdownReport.Millis(Alive.Percentile(99))} ms; " +
            $"p50 ratio {MarkdownReport.Number(P50Ratio)}×; Api CPU {MarkdownReport.Number(ApiCpuMsPerPost, "0.00")} ms a POST; " +
            $"workers {MarkdownReport.Number(WorkerCpuDuringPosts, "0")} % / {MarkdownReport.Number(WorkerCpuDuringAlive, "0")} % of one core; " +
            $"load {LoadBefore} → {LoadAfter}";

        public void Write(MarkdownReport report)
        {
            report.Heading(3, $"Closed loop: {ClosedLoopRequests} requests at {ClosedLoopInFlight} in flight while the workers paint");
            report.Paragraph(
                $"{ClosedLoopInFlight} loops each send their next request when the last answered; {ClosedLoopRequests} POSTs, then " +
                $"{ClosedLoopRequests} GET /alive on the same Api, after the warm-up, so the workers paint the backlog during both " +
                $"(their CPU: {MarkdownReport.Number(WorkerCpuDuringPosts, "0")} % of one core during the POSTs, " +
                $"{MarkdownReport.Number(WorkerCpuDuringAlive, "0")} % during /alive). Target: POST p50 within 3× of /alive's, POST p99 under 100 ms.");
            report.LatencyTable(["endpoint"], [(["POST /api/cards"], Post), (["GET /alive"], Alive)]);
            report.Table(["POST p50 / alive p50", "POST p99 / alive p99", "Api CPU during POSTs (% of one core)", "Api CPU per POST (ms)", "load average before → after"],
            [[
                MarkdownReport.Number(P50Ratio) + "×",
                MarkdownReport.Number(Post.Percentile(99) / Alive.Percentile(99)) + "×",
                MarkdownReport.Number(ApiCpu, "0"),
                MarkdownReport.Number(ApiCpuMsPerPost, "0.00"),
                $"{LoadBefore} → {LoadAfter}",
            ]]);
            report.Paragraph(
                "Where the two cores went during each loop, in % of one core (200 = both): the whole machine, the Api, the workers, " +
                "this client (load generator), and the rest (the AppHost's DCP, whose proxy carries every request, the Aspire " +
                "dashboard, which ingests every span, log and metric the services export, and on aws-local the fauxqs and dynalite servers). With 16 requests always in flight the " +
                "machine runs flat out, so each loop's latency follows what a request costs all of these together.");
            report.Table(["loop", "machine", "Api", "workers", "client", "rest (DCP, dashboard, local AWS servers)"], [PostCpu.Row("POST /api/cards"), AliveCpu.Row("GET /alive")]);
        }
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
