using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Benchmarks.Client;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: the same connections per Api process on one Api and on two replicas with the Redis backplane. The
/// connections are spread evenly (each replica's own address, as a load balancer spreads them); probe cards go
/// through the shared address, so their pushes cross the backplane whenever the worker's notice reaches the other
/// replica. Per level: every replica's resident memory, memory per connection, and push latency p50/p99.
/// </summary>
public sealed class ScaleOutScenario : IScenario
{
    private const int Sessions = 200;
    private const int TargetPerReplica = 10_000;
    /// <summary>Open files this client keeps for everything but the WebSockets (HTTP clients, the AppHost, its logs).</summary>
    private const int ClientReserve = 1_000;
    private static readonly TimeSpan LevelLimit = TimeSpan.FromSeconds(240);

    public string Name => "scaleout";

    public async Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        var perReplica = context.Quick ? 1000 : PerReplicaThisClientHolds();
        var probes = context.Quick ? 10 : 40;
        var idleWindow = TimeSpan.FromSeconds(context.Quick ? 5 : 10);
        var results = new List<Result>();
        foreach (var replicas in new[] { 1, 2 })
        {
            var settings = new SystemSettings(ModelLatencyMs: 500, ApiReplicas: replicas);
            context.Progress($"scaleout: starting the system ({settings.Describe()})");
            await using var system = await BenchmarkSystem.StartAsync(context.Options.Backend, settings, cancellationToken);
            var api = system.Api;
            var (sessions, cards) = await ConnectionScenario.SessionsWithFinishedCardsAsync(api, Sessions, "scaleout", cancellationToken);

            var processes = system.ApiReplicaProcesses;
            var baseline = processes.Sum(p => MachineInfo.ResidentMiB(p.Pid));
            var connections = new ConcurrentBag<HubConnection>();
            try
            {
                var target = perReplica * replicas;
                context.Progress($"scaleout: opening {target} connections over {replicas} Api replica(s)");
                var errors = new LatencySample("open");
                using (var deadline = Deadline.After(LevelLimit, cancellationToken))
                    await ConnectionScenario.OpenUpToAsync([.. processes.Select(p => CardsHubConnection.UrlOn(p.Address))], sessions, cards, connections, target, errors, deadline.Token);
                await Task.Delay(idleWindow, cancellationToken);
                var resident = processes.Select(p => MachineInfo.ResidentMiB(p.Pid)).ToList();
                context.Progress($"scaleout: {connections.Count} open; {probes} probe cards");
                var push = await ConnectionScenario.ProbeAsync(api, sessions, probes, target, cancellationToken);
                results.Add(new Result(replicas, target, connections.Count, errors.ErrorReasons, baseline, resident, push));
            }
            finally
            {
                context.Progress($"scaleout: closing {connections.Count} connections");
                await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 256 }, (c, _) => c.DisposeAsync());
            }
        }
        Write(report, perReplica, probes, idleWindow, results);
    }

    /// <summary>
    /// <see cref="TargetPerReplica"/>, or less where this one client process cannot hold two replicas' worth of sockets
    /// under its open-files limit (whose hard limit only root raises).
    /// </summary>
    private static int PerReplicaThisClientHolds() =>
        OpenFilesLimit.Current() is { } limit ? (int)Math.Min(TargetPerReplica, ((long)Math.Min(limit, int.MaxValue) - ClientReserve) / 2) : TargetPerReplica;

    private static void Write(MarkdownReport report, int perReplica, int probes, TimeSpan idleWindow, List<Result> results)
    {
        report.Heading(2, "5. Scale-out: one Api against two replicas with the Redis backplane");
        report.Paragraph(
            $"{perReplica} SignalR WebSockets per Api process (the target is {TargetPerReplica}; this one client holds both replicas' " +
            $"sockets under its open-files limit, so it opens at most (limit − {ClientReserve}) / 2 per replica), spread evenly over the replicas' own addresses (as a load balancer " +
            $"spreads them), each authenticated (one of {Sessions} sessions) and subscribed to its session's completed card; after " +
            $"an idle window of {idleWindow.TotalSeconds:0} s, every replica's resident memory (VmRSS), then {probes} probe cards " +
            $"submitted 4/s through the shared address, each watched by a connection through the shared address: push latency = " +
            $"`cardUpdated` received − completedAt. With two replicas a push crosses Redis (`redis-server` on this machine) whenever " +
            $"the worker's notice reached the replica that does not hold the probe's connection.");
        report.Table(["Api replicas", "target", "open", "open errors", "RSS per replica MiB", "KiB per connection", "pushes", "push p50 ms", "push p99 ms"],
            [.. results.Select(r => (IReadOnlyList<string>)
            [
                r.Replicas.ToString(CultureInfo.InvariantCulture),
                r.Target.ToString(CultureInfo.InvariantCulture),
                r.Reached.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", r.OpenErrors.Select(e => $"{e.Count} × {e.Reason}")),
                string.Join(" / ", r.ResidentMiB.Select(m => MarkdownReport.Number(m, "0"))),
                MarkdownReport.Number((r.ResidentMiB.Sum() - r.BaselineMiB) * 1024 / Math.Max(1, r.Reached), "0.0"),
                $"{r.Push.Count}/{r.Push.Count + r.Push.Errors}",
                MarkdownReport.Millis(r.Push.Percentile(50)),
                MarkdownReport.Millis(r.Push.Percentile(99)),
            ])]);
        var probeErrors = results.Where(r => r.Push.Errors > 0).ToList();
        if (probeErrors.Count > 0)
            report.Bullets(probeErrors.Select(r => $"probe errors with {r.Replicas} replica(s): " + string.Join(", ", r.Push.ErrorReasons.Select(e => $"{e.Count} × {e.Reason}"))));
    }

    private sealed record Result(int Replicas, int Target, int Reached, IReadOnlyList<(string Reason, int Count)> OpenErrors,
        double BaselineMiB, IReadOnlyList<double> ResidentMiB, LatencySample Push);
}
