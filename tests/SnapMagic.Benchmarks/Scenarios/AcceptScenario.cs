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
/// many sessions; issue 2's figure, one POST after another; and issue 10's, closed loops of POSTs and of GET /alive
/// at the same concurrency while the workers paint the backlog, once the services run steady. The workers consume
/// the cards meanwhile. The closed loop runs first: its warm-up is the other series' too.
/// </summary>
public sealed class AcceptScenario : IScenario
{
    private static readonly int[] Rates = [100, 500, 1000];
    private const int Sessions = 200;
    private const int SequentialRequests = 1000;
    private const int ClosedLoopInFlight = 16;
    private const int Rounds = 10, RoundRequests = 200;
    private const int WarmUpRequests = 2000, MinWarmUpRounds = 2, MaxWarmUpRounds = 20;
    private const double SteadyJitPercent = 2;
    private const int QuietRoundsToSettle = 2;

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
        // Numbered here, not by the loop: rounds restart their own count, and every card should get its own prompt.
        Task Submit(int _, CancellationToken ct)
        {
            var i = Interlocked.Increment(ref submitted);
            return api.SubmitAsync(sessions[i % sessions.Count], Prompts.For("accept", i), ct);
        }

        context.Progress("accept: first requests (200 POSTs, 200 GET /alive, 8 at a time)");
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
    /// Issue 10's figure: POSTs and GET /alive at <see cref="ClosedLoopInFlight"/> in flight while the workers paint the
    /// backlog, measured once the services run steady (see <see cref="WarmUpAsync"/>), in <see cref="Rounds"/> interleaved
    /// rounds so that both series see the same machine: the workers' painting comes and goes, and a single short /alive
    /// loop after a single POST loop measured whatever the workers happened to do in its quarter of a second.
    /// </summary>
    private static async Task<ClosedLoopResult> RunClosedLoopAsync(
        BenchmarkContext context, BenchmarkSystem system, Func<int, CancellationToken, Task> submit, CancellationToken cancellationToken)
    {
        var warmUp = await WarmUpAsync(context, system, submit, cancellationToken);
        context.Progress($"accept: closed loop, {Rounds} rounds of {RoundRequests} POSTs then {RoundRequests} GET /alive at {ClosedLoopInFlight} in flight");
        var loadBefore = MachineInfo.LoadAverage();
        var post = new LatencySample("POST /api/cards, closed loop");
        var alive = new LatencySample("GET /alive, closed loop");
        var jit = StartJit(system);
        var groups = CpuGroups(system);
        var postCpu = new CpuAccount(groups);
        var aliveCpu = new CpuAccount(groups);
        for (var round = 0; round < Rounds; round++)
        {
            await postCpu.MeasureAsync(() => ClosedLoopLoad.RunAsync(post, RoundRequests, ClosedLoopInFlight, submit, cancellationToken));
            await aliveCpu.MeasureAsync(() => ClosedLoopLoad.RunAsync(alive, RoundRequests, ClosedLoopInFlight, (_, ct) => system.Api.AliveAsync(ct), cancellationToken));
        }
        var result = new ClosedLoopResult(post, alive, ClosedLoopCpu.Of(postCpu), ClosedLoopCpu.Of(aliveCpu),
            warmUp, JitShare.Of(jit), loadBefore, MachineInfo.LoadAverage());
        context.Progress($"accept: closed loop: {result.Summary}");
        return result;
    }

    /// <summary>
    /// Rounds of <see cref="WarmUpRequests"/> POSTs and as many GET /alive at <see cref="ClosedLoopInFlight"/> in flight
    /// until the services run steady: <see cref="QuietRoundsToSettle"/> rounds in a row in which neither the Api's JIT nor
    /// any worker's used more than <see cref="SteadyJitPercent"/> % of one core (at least <see cref="MinWarmUpRounds"/>
    /// rounds, at most <see cref="MaxWarmUpRounds"/>; one quiet round was not enough: the JIT came back in the next).
    /// A freshly started service keeps compiling its hot paths again, optimized, for some 20,000 requests (tiered JIT,
    /// then dynamic PGO): perf showed a third of the machine in the JIT compilers during a loop measured after 200
    /// requests, which is not what a booth sees after its first minutes.
    /// </summary>
    private static async Task<IReadOnlyList<WarmUpRound>> WarmUpAsync(
        BenchmarkContext context, BenchmarkSystem system, Func<int, CancellationToken, Task> submit, CancellationToken cancellationToken)
    {
        var rounds = new List<WarmUpRound>();
        var quietRounds = 0;
        while (rounds.Count < MaxWarmUpRounds)
        {
            var api = CpuWindow.Start(system.ApiPid);
            var jit = StartJit(system);
            var started = Stopwatch.GetTimestamp();
            var posts = await ClosedLoopLoad.RunAsync("warm-up", WarmUpRequests, ClosedLoopInFlight, submit, cancellationToken);
            var postsTook = Stopwatch.GetElapsedTime(started);
            var apiCpu = api.Used;
            await ClosedLoopLoad.RunAsync("warm-up", WarmUpRequests, ClosedLoopInFlight, (_, ct) => system.Api.AliveAsync(ct), cancellationToken);
            var round = new WarmUpRound(rounds.Count + 1, posts.Percentile(50), WarmUpRequests / postsTook.TotalSeconds,
                apiCpu.TotalMilliseconds / WarmUpRequests, JitShare.Of(jit));
            rounds.Add(round);
            context.Progress($"accept: warm-up round {round.Number}: POST p50 {MarkdownReport.Millis(round.PostP50)} ms, " +
                $"{round.PostsPerSecond:0} POSTs/s, Api CPU {round.ApiCpuMsPerPost:0.00} ms a POST, JIT {round.Jit.Api:0.0} % " +
                $"(Api) / {round.Jit.BusiestWorker:0.0} % (busiest worker) of one core");
            quietRounds = round.Jit.IsQuiet ? quietRounds + 1 : 0;
            if (rounds.Count >= MinWarmUpRounds && quietRounds >= QuietRoundsToSettle)
                break;
        }
        return rounds;
    }

    private const string ApiGroup = "Api", WorkersGroup = "workers", ClientGroup = "client", DashboardGroup = "dashboard", DcpGroup = "DCP";

    private static Dictionary<string, IReadOnlyList<int>> CpuGroups(BenchmarkSystem system)
    {
        var appHost = AppHostProcesses.Find();
        return new()
        {
            [ApiGroup] = [system.ApiPid],
            [WorkersGroup] = system.WorkerPids,
            [ClientGroup] = [Environment.ProcessId],
            [DashboardGroup] = appHost.Dashboard,
            [DcpGroup] = appHost.Dcp,
        };
    }

    private static JitWindow StartJit(BenchmarkSystem system) => JitWindow.Start([system.ApiPid, .. system.WorkerPids]);

    /// <summary>What the JIT used over a window, in % of one core: in the Api, and in the worker where it used most.</summary>
    private sealed record JitShare(double Api, double BusiestWorker)
    {
        public bool IsQuiet => Api <= SteadyJitPercent && BusiestWorker <= SteadyJitPercent;

        /// <summary>From a window started by <see cref="StartJit"/> (the Api first, then the workers).</summary>
        public static JitShare Of(JitWindow window)
        {
            var percents = window.PercentsOfOneCore();
            return new(percents[0], percents.Skip(1).DefaultIfEmpty(0).Max());
        }
    }

    private sealed record WarmUpRound(int Number, double PostP50, double PostsPerSecond, double ApiCpuMsPerPost, JitShare Jit);

    /// <summary>Where the machine's CPU went during one loop, each in percent of one core; the rest is the local AWS servers, the <c>dotnet run</c> launchers, the Web, and anything else running.</summary>
    private sealed record ClosedLoopCpu(double Machine, double Api, double Workers, double Client, double Dashboard, double Dcp, TimeSpan Wall)
    {
        public double Rest => Machine - Api - Workers - Client - Dashboard - Dcp;

        /// <summary>What one request of the loop cost every process but the workers (whose painting is not the request's), in ms of CPU.</summary>
        public double MsPerRequestBesidesWorkers(int requests) => MsPerRequest(Machine - Workers, requests);

        /// <summary>What one request of the loop cost the Api, in ms of CPU.</summary>
        public double ApiMsPerRequest(int requests) => MsPerRequest(Api, requests);

        private double MsPerRequest(double percentOfOneCore, int requests) => percentOfOneCore / 100 * Wall.TotalMilliseconds / requests;

        public static ClosedLoopCpu Of(CpuAccount account) => new(account.MachinePercentOfOneCore,
            account.PercentOfOneCore(ApiGroup), account.PercentOfOneCore(WorkersGroup), account.PercentOfOneCore(ClientGroup),
            account.PercentOfOneCore(DashboardGroup), account.PercentOfOneCore(DcpGroup), account.Wall);

        public IReadOnlyList<string> Row(string loop) =>
            [loop, .. new[] { Machine, Api, Workers, Client, Dashboard, Dcp, Rest }.Select(v => MarkdownReport.Number(v, "0"))];
    }

    private sealed record ClosedLoopResult(LatencySample Post, LatencySample Alive, ClosedLoopCpu PostCpu, ClosedLoopCpu AliveCpu,
        IReadOnlyList<WarmUpRound> WarmUp, JitShare Jit, string LoadBefore, string LoadAfter)
    {
        private double ApiCpu => PostCpu.Api;
        private double ApiCpuMsPerPost => PostCpu.ApiMsPerRequest(Post.Count);
        private double WorkerCpuDuringPosts => PostCpu.Workers;
        private double WorkerCpuDuringAlive => AliveCpu.Workers;

        private double P50Ratio => Post.Percentile(50) / Alive.Percentile(50);

        public string Summary =>
            $"POST p50 {MarkdownReport.Millis(Post.Percentile(50))} ms p99 {MarkdownReport.Millis(Post.Percentile(99))} ms; " +
            $"/alive p50 {MarkdownReport.Millis(Alive.Percentile(50))} ms p99 {MarkdownReport.Millis(Alive.Percentile(99))} ms; " +
            $"p50 ratio {MarkdownReport.Number(P50Ratio)}×; Api CPU {MarkdownReport.Number(ApiCpuMsPerPost, "0.00")} ms a POST; " +
            $"workers {MarkdownReport.Number(WorkerCpuDuringPosts, "0")} % / {MarkdownReport.Number(WorkerCpuDuringAlive, "0")} % of one core; " +
            $"all but the workers {MarkdownReport.Number(PostCpu.MsPerRequestBesidesWorkers(Post.Count), "0.00")} ms a POST, " +
            $"{MarkdownReport.Number(AliveCpu.MsPerRequestBesidesWorkers(Alive.Count), "0.00")} ms an /alive; " +
            $"JIT {MarkdownReport.Number(Jit.Api, "0.0")} % (Api) / {MarkdownReport.Number(Jit.BusiestWorker, "0.0")} % (busiest worker); load {LoadBefore} → {LoadAfter}";

        public void Write(MarkdownReport report)
        {
            report.Heading(3, $"Closed loop: {ClosedLoopInFlight} in flight while the workers paint");
            report.Paragraph(
                $"{ClosedLoopInFlight} loops each send their next request when the last answered. First the warm-up: rounds of " +
                $"{WarmUpRequests} POSTs and {WarmUpRequests} GET /alive until neither the Api's nor any worker's JIT used more than " +
                $"{SteadyJitPercent:0} % of one core in {QuietRoundsToSettle} rounds in a row (the runtime recompiles hot methods, optimized, for the first tens of " +
                $"thousands of requests), so the figures are the services' steady state, not their warm-up. Then {Rounds} rounds of " +
                $"{RoundRequests} POSTs followed by {RoundRequests} GET /alive on the same Api, {Rounds * RoundRequests} of each in all; " +
                $"the workers paint the backlog throughout (their CPU: {MarkdownReport.Number(WorkerCpuDuringPosts, "0")} % of one " +
                $"core during the POSTs, {MarkdownReport.Number(WorkerCpuDuringAlive, "0")} % during /alive; the JIT meanwhile: " +
                $"{MarkdownReport.Number(Jit.Api, "0.0")} % of one core in the Api, {MarkdownReport.Number(Jit.BusiestWorker, "0.0")} % in the busiest worker). " +
                "Target (issue 10): POST p50 within 3× of /alive's, POST p99 under 100 ms.");
            report.Table(["warm-up round", "POST p50 ms", "POSTs /s", "Api CPU per POST (ms)", "JIT, Api (% of one core)", "JIT, busiest worker (%)"],
                WarmUp.Select(r => (IReadOnlyList<string>)
                [
                    r.Number.ToString(CultureInfo.InvariantCulture), MarkdownReport.Millis(r.PostP50),
                    MarkdownReport.Number(r.PostsPerSecond, "0"), MarkdownReport.Number(r.ApiCpuMsPerPost, "0.00"),
                    MarkdownReport.Number(r.Jit.Api, "0.0"), MarkdownReport.Number(r.Jit.BusiestWorker, "0.0"),
                ]));
            report.LatencyTable(["endpoint"], [(["POST /api/cards"], Post), (["GET /alive"], Alive)]);
            report.Table(["POST p50 / alive p50", "POST p99 / alive p99", "Api CPU during POSTs (% of one core)", "Api CPU per POST (ms)",
                "CPU per request, all but the workers (ms): POST / alive", "load average before → after"],
            [[
                MarkdownReport.Number(P50Ratio) + "×",
                MarkdownReport.Number(Post.Percentile(99) / Alive.Percentile(99)) + "×",
                MarkdownReport.Number(ApiCpu, "0"),
                MarkdownReport.Number(ApiCpuMsPerPost, "0.00"),
                $"{MarkdownReport.Number(PostCpu.MsPerRequestBesidesWorkers(Post.Count), "0.00")} / {MarkdownReport.Number(AliveCpu.MsPerRequestBesidesWorkers(Alive.Count), "0.00")}",
                $"{LoadBefore} → {LoadAfter}",
            ]]);
            report.Paragraph(
                "Where the two cores went during each series, in % of one core (200 = both): the whole machine, the Api, the workers, " +
                "this client (load generator, which also hosts the AppHost), the Aspire dashboard (it stores every span, log and metric " +
                "the services export in its own SQLite database), DCP (its proxy carries every request), and the rest (the Web, the " +
                "`dotnet run` launchers, on aws-local the fauxqs and dynalite servers). The dashboard ingests in batches, about once a " +
                "second, so its work spills from a POST half-round into the /alive half that follows. With 16 requests always in flight the " +
                "machine runs flat out, so each loop's latency follows what a request costs all of these together.");
            report.Table(["loop", "machine", "Api", "workers", "client", "dashboard", "DCP", "rest"], [PostCpu.Row("POST /api/cards"), AliveCpu.Row("GET /alive")]);
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
        report.LatencyTable(["series"], [(["POST /api/cards, closed loop, 1 in flight (after the closed loop's warm-up)"], sequential)]);

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
