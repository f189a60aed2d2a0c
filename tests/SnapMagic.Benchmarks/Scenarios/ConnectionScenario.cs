using SnapMagic.Contracts;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Benchmarks.Client;
using SnapMagic.TestSupport.Api;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: 1k, 5k and 10k SignalR WebSocket connections held open on one Api, each authenticated and
/// subscribed to a card (attendees who wait for or keep looking at their card), and the Api's resident memory,
/// its CPU while they idle, and the push latency of cards completing meanwhile (probe cards, each watched by a
/// connection of its own). A level that cannot be reached is reported with how far it got and why.
/// Each connection is a full <see cref="HubConnection"/> of the .NET client, WebSockets without negotiate (one socket
/// each, as the Api sees a browser's), so nothing hand-made stands in for it; --quick opened 1k of them without an error.
/// </summary>
public sealed class ConnectionScenario : IScenario
{
    private const int Sessions = 200;
    private const int OpenAtOnce = 64;
    private static readonly TimeSpan LevelLimit = TimeSpan.FromSeconds(180);

    public string Name => "connections";

    public async Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        int[] levels = context.Quick ? [1000] : [1000, 5000, 10000];
        var idleWindow = TimeSpan.FromSeconds(context.Quick ? 5 : 10);
        var probes = context.Quick ? 10 : 20;
        var settings = new SystemSettings(ModelLatencyMs: 500);
        context.Progress($"connections: starting the system ({settings.Describe()})");
        await using var system = await BenchmarkSystem.StartAsync(context.Options.Backend, settings, cancellationToken);
        var api = system.Api;
        var (sessions, cards) = await SessionsWithFinishedCardsAsync(api, Sessions, "connections", cancellationToken);

        var pid = system.ApiPid;
        var baselineCpu = CpuWindow.Start(pid);
        await Task.Delay(idleWindow, cancellationToken);
        var baseline = new LevelResult(0, 0, [], MachineInfo.ResidentMiB(pid), baselineCpu.PercentOfOneCore(), double.NaN, MachineInfo.OpenFiles(pid), new LatencySample("-"));

        var connections = new ConcurrentBag<HubConnection>();
        var results = new List<LevelResult>();
        try
        {
            foreach (var level in levels)
            {
                context.Progress($"connections: opening up to {level} (have {connections.Count})");
                var errors = new LatencySample("open");
                using (var deadline = Deadline.After(LevelLimit, cancellationToken))
                    await OpenUpToAsync([CardsHubConnection.UrlOn(system.ApiReplicaProcesses[0].Address)], sessions, cards, connections, level, errors, deadline.Token);
                cancellationToken.ThrowIfCancellationRequested();

                context.Progress($"connections: {connections.Count} open; idle window {idleWindow.TotalSeconds:0} s, then {probes} probe cards");
                var idleCpu = CpuWindow.Start(pid);
                await Task.Delay(idleWindow, cancellationToken);
                var idle = idleCpu.PercentOfOneCore();
                var rss = MachineInfo.ResidentMiB(pid);
                var files = MachineInfo.OpenFiles(pid);
                var probeCpu = CpuWindow.Start(pid);
                var push = await ProbeAsync(api, sessions, probes, level, cancellationToken);
                results.Add(new LevelResult(level, connections.Count, errors.ErrorReasons, rss, idle, probeCpu.PercentOfOneCore(), files, push));
                if (connections.Count < level)
                {
                    context.Progress($"connections: stopped at {connections.Count} of {level}");
                    break;
                }
            }
        }
        finally
        {
            context.Progress($"connections: closing {connections.Count} connections");
            await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 256 }, (c, _) => c.DisposeAsync());
        }
        Write(report, settings, levels, idleWindow, probes, baseline, results);
    }

    /// <summary><paramref name="count"/> sessions, each with one card made and finished, for connections to subscribe to.</summary>
    internal static async Task<(IReadOnlyList<LoginResponse> Sessions, string[] Cards)> SessionsWithFinishedCardsAsync(ApiClient api, int count,
        string prompt, CancellationToken cancellationToken)
    {
        var sessions = await api.LogInManyAsync(count, cancellationToken);
        var cards = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => cards[i] = await api.SubmitAsync(sessions[i], Prompts.For(prompt, i), ct));
        await WaitAllFinalAsync(api, sessions, cards, cancellationToken);
        return (sessions, cards);
    }

    private static async Task WaitAllFinalAsync(ApiClient api, IReadOnlyList<LoginResponse> sessions, string[] cards, CancellationToken cancellationToken)
    {
        using var deadline = Deadline.After(TimeSpan.FromSeconds(120), cancellationToken);
        for (var i = 0; i < cards.Length; i++)
        {
            while (!(await api.GetCardAsync(sessions[i], cards[i], deadline.Token)).IsFinal())
                await Task.Delay(200, deadline.Token);
        }
    }

    /// <summary>Opens connections until <paramref name="level"/> are open; stops early after many failures or at the deadline.</summary>
    /// <param name="hubUrls">Where the connections go, in turn (one Api: its hub; replicas: each one's own).</param>
    internal static async Task OpenUpToAsync(IReadOnlyList<Uri> hubUrls, IReadOnlyList<LoginResponse> sessions, string[] cards,
        ConcurrentBag<HubConnection> connections, int level, LatencySample errors, CancellationToken deadline)
    {
        var next = connections.Count;
        var failures = 0;
        try
        {
            await Parallel.ForAsync(next, level, new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce, CancellationToken = deadline }, async (i, ct) =>
            {
                if (Volatile.Read(ref failures) >= 200)
                    return;
                var s = i % sessions.Count;
                HubConnection? client = null;
                try
                {
                    client = await CardsHubConnection.StartAsync(hubUrls[i % hubUrls.Count], sessions[s].Token, ct);
                    await client.SubscribeAsync(cards[s], ct);
                    connections.Add(client);
                    client = null;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failures);
                    errors.AddError(ErrorReason.Of(ex) + ": " + Shorten(ex.InnerException?.Message ?? ex.Message));
                }
                finally
                {
                    if (client is not null)
                        await client.DisposeAsync();
                }
            });
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            errors.AddError($"level not reached within {LevelLimit.TotalSeconds:0} s");
        }
    }

    /// <summary>Cards completing while the connections are open: each probe card is watched by a fresh connection of its session.</summary>
    internal static async Task<LatencySample> ProbeAsync(ApiClient api, IReadOnlyList<LoginResponse> sessions, int probes, int level, CancellationToken cancellationToken)
    {
        var push = new LatencySample($"push at {level}");
        await Task.WhenAll(Enumerable.Range(0, probes).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * 250), cancellationToken);
            using var deadline = Deadline.After(TimeSpan.FromSeconds(60), cancellationToken);
            var session = sessions[i % sessions.Count];
            try
            {
                await using var hub = await CardsHubConnection.StartAsync(api.HubUrl, session.Token, deadline.Token);
                using var pushes = hub.CardUpdates();
                var id = await api.SubmitAsync(session, Prompts.For($"probe {level}", i), deadline.Token);
                var snapshot = await hub.SubscribeAsync(id, deadline.Token);
                if (snapshot.IsFinal())
                {
                    push.AddError("completed before Subscribe");
                    return;
                }
                var (card, receivedAt) = await pushes.WaitForAsync(c => c.IsFinal() && c.CorrelationId == id, TimeSpan.FromSeconds(60));
                if (card is { CompletedAt: { } completedAt, Status: "completed" })
                    push.Add(receivedAt - completedAt);
                else
                    push.AddError("card failed");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                push.AddError(ErrorReason.Of(ex, deadline.IsCancellationRequested));
            }
        }));
        return push;
    }

    private static void Write(MarkdownReport report, SystemSettings settings, int[] levels, TimeSpan idleWindow, int probes,
        LevelResult baseline, List<LevelResult> results)
    {
        var (softSelf, hardSelf) = MachineInfo.OpenFilesLimit();
        report.Heading(2, "4. Connection density: SignalR WebSockets on one Api");
        report.Paragraph(
            $"Levels {string.Join(", ", levels)}: connections opened {OpenAtOnce} at a time with the JSON hub protocol over " +
            $"WebSockets on 127.0.0.1 to the Api's own port (not through the AppHost's proxy: DCP holds two sockets per proxied " +
            $"connection under its own open-files limit, which stopped it near 10,000 here; production has a load balancer " +
            $"instead), each authenticated (token of one of {Sessions} sessions) and subscribed to its session's " +
            $"(completed) card; client (the .NET SignalR client) and server each ping every 15 s. At each level: the Api's resident memory " +
            $"(VmRSS) and open files after an idle window of {idleWindow.TotalSeconds:0} s, its CPU over that window, then {probes} " +
            $"probe cards submitted 4/s, each watched by an extra connection: push latency = `cardUpdated` received − completedAt, " +
            $"and the Api's CPU meanwhile. {settings.Describe()}. Open-files limit of this process (the Api inherits it " +
            $"through the AppHost): soft {softSelf}, hard {hardSelf}.");
        var rows = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["0 (baseline)", "0", "", MarkdownReport.Number(baseline.ResidentMiB, "0"), "", Files(baseline), MarkdownReport.Number(baseline.IdleCpu, "0.0"), "", "", "", "", ""],
        };
        foreach (var r in results)
        {
            var perConnection = (r.ResidentMiB - baseline.ResidentMiB) * 1024 / Math.Max(1, r.Reached);
            rows.Add(
            [
                r.Target.ToString(CultureInfo.InvariantCulture),
                r.Reached.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", r.OpenErrors.Select(e => $"{e.Count} × {e.Reason}")),
                MarkdownReport.Number(r.ResidentMiB, "0"),
                MarkdownReport.Number(perConnection, "0.0"),
                Files(r),
                MarkdownReport.Number(r.IdleCpu, "0.0"),
                MarkdownReport.Number(r.ProbeCpu, "0"),
                $"{r.Push.Count}/{r.Push.Count + r.Push.Errors}",
                MarkdownReport.Millis(r.Push.Percentile(50)),
                MarkdownReport.Millis(r.Push.Percentile(95)),
                MarkdownReport.Millis(r.Push.Percentile(99)),
            ]);
        }
        report.Table(["target", "open", "open errors", "Api RSS MiB", "KiB per connection", "Api open files", "Api CPU idle (% core)",
            "Api CPU with probes (% core)", "pushes", "push p50 ms", "push p95 ms", "push p99 ms"], rows);
        var probeErrors = results.Where(r => r.Push.Errors > 0).ToList();
        if (probeErrors.Count > 0)
            report.Bullets(probeErrors.Select(r => $"probe errors at {r.Target}: " + string.Join(", ", r.Push.ErrorReasons.Select(e => $"{e.Count} × {e.Reason}"))));
    }

    private static string Files(LevelResult r) => r.OpenFiles < 0 ? "?" : r.OpenFiles.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed record LevelResult(int Target, int Reached, IReadOnlyList<(string Reason, int Count)> OpenErrors,
        double ResidentMiB, double IdleCpu, double ProbeCpu, int OpenFiles, LatencySample Push);
}
