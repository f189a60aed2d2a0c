using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Benchmarks.Client;
using SnapMagic.Contracts;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: a burst of cards from many sessions through the whole pipeline with the local model at a
/// fixed latency L and cap C: throughput against the ideal C/L, and how much of each card's time is not the
/// model's. Completion is learnt from the hub; the job's own timestamps give the figures.
/// </summary>
public sealed class PipelineScenario : IScenario
{
    private const int Sessions = 200;

    public string Name => "pipeline";

    public async Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new SystemSettings(ModelLatencyMs: 500, ModelConcurrency: 4, WorkerConcurrency: 8);
        var cards = context.Quick ? 100 : 1000;
        var sessionCount = Math.Min(Sessions, cards);
        var ideal = settings.ModelCap * 1000.0 / settings.ModelLatencyMs;
        // Ideal time plus generous room; past it the figures say how many cards never finished.
        var limit = TimeSpan.FromSeconds(cards / ideal * 3 + 60);
        context.Progress($"pipeline: starting the system ({settings.Describe()})");
        await using var system = await BenchmarkSystem.StartAsync(context.Options.Backend, settings, cancellationToken);
        var api = system.Api;
        var sessions = await api.LogInManyAsync(sessionCount, cancellationToken);
        var hubs = new HubConnection[sessionCount];
        var pushes = new HubPushes<CardView>[sessionCount];
        var finals = new ConcurrentDictionary<string, CardView>();
        var submitErrors = new LatencySample("submit");
        try
        {
            await Parallel.ForAsync(0, sessionCount, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    hubs[i] = await CardsHubConnection.StartAsync(api.HubUrl, sessions[i].Token, ct);
                    pushes[i] = hubs[i].CardUpdates();
                });

            context.Progress($"pipeline: {cards} cards from {sessionCount} sessions, as fast as 32 submitters go; waiting up to {limit.TotalSeconds:0} s");
            using var deadline = Deadline.After(limit, cancellationToken);
            var ids = new ConcurrentBag<(string Id, int Session)>();
            var cpu = CpuWindow.Start(system.ApiPid);
            var workerCpu = CpuWindow.Start(system.WorkerPids);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Parallel.ForAsync(0, cards, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = deadline.Token }, async (i, ct) =>
            {
                var s = i % sessionCount;
                try
                {
                    var id = await api.SubmitAsync(sessions[s], Prompts.For("pipeline", i), ct);
                    ids.Add((id, s));
                    var snapshot = await hubs[s].SubscribeAsync(id, ct);
                    if (snapshot.IsFinal())
                        finals.TryAdd(id, snapshot);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    submitErrors.AddError(ErrorReason.Of(ex));
                }
            });
            var submitSeconds = clock.Elapsed.TotalSeconds;

            await Task.WhenAll(ids.Select(async card =>
            {
                if (finals.ContainsKey(card.Id)) return;
                try
                {
                    var pushed = await pushes[card.Session].WaitForAsync(c => c.IsFinal() && c.CorrelationId == card.Id, limit);
                    finals.TryAdd(card.Id, pushed.Value);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is TimeoutException or InvalidOperationException)
                {
                    // Missing a push: the status endpoint (the store is the truth) says where the card is.
                    var read = await api.GetCardAsync(sessions[card.Session], card.Id, cancellationToken);
                    if (read.IsFinal()) finals.TryAdd(card.Id, read);
                }
            }));
            var usage = new CpuUsage(cpu.PercentOfOneCore(), workerCpu.PercentOfOneCore(), workerCpu.Used);
            Write(report, settings, cards, sessionCount, submitSeconds, [.. finals.Values], ids.Count, submitErrors, usage);
        }
        finally
        {
            await Task.WhenAll(hubs.Where(h => h is not null).Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private static void Write(MarkdownReport report, SystemSettings settings, int cards, int sessions, double submitSeconds,
        IReadOnlyList<CardView> finals, int accepted, LatencySample submitErrors, CpuUsage cpu)
    {
        var completed = finals.Where(c => c is { Status: "completed", CompletedAt: not null, StartedAt: not null }).ToList();
        var latency = settings.ModelLatencyMs;
        var beyondModel = new LatencySample("completedAt − createdAt − L");
        var queueWait = new LatencySample("startedAt − createdAt");
        var workBeyondModel = new LatencySample("completedAt − startedAt − L");
        foreach (var card in completed)
        {
            beyondModel.Add(card.CompletedAt!.Value - card.CreatedAt - TimeSpan.FromMilliseconds(latency));
            queueWait.Add(card.StartedAt!.Value - card.CreatedAt);
            workBeyondModel.Add(card.CompletedAt!.Value - card.StartedAt!.Value - TimeSpan.FromMilliseconds(latency));
        }
        var ideal = settings.ModelCap * 1000.0 / latency;
        double overall = double.NaN, steady = double.NaN;
        if (completed.Count > 1)
        {
            var first = completed.Min(c => c.CreatedAt);
            var ends = completed.Select(c => c.CompletedAt!.Value).Order().ToList();
            overall = completed.Count / (ends[^1] - first).TotalSeconds;
            // The middle 80 % of completions: the pipeline full, no start-up or draining tail.
            var (from, to) = (ends[ends.Count / 10], ends[ends.Count * 9 / 10]);
            steady = (ends.Count * 9 / 10 - ends.Count / 10) / (to - from).TotalSeconds;
        }

        report.Heading(2, "3. Pipeline at load");
        report.Paragraph(
            $"{cards} cards from {sessions} sessions, submitted by 32 concurrent submitters ({submitSeconds:0.0} s to submit all), each " +
            $"subscribed on its session's hub connection. {settings.Describe()}: ideal throughput C/L = {ideal:0.0} cards/s. " +
            "Times are the job's own timestamps (createdAt by the Api, startedAt and completedAt by the worker).");
        report.Table(["cards accepted", "completed", "failed", "missing", "throughput, all (cards/s)", "throughput, middle 80 % (cards/s)", "ideal C/L", "steady / ideal", "Api CPU (% of one core)", "workers' CPU (% of one core)", "workers' CPU per card (ms)"],
        [[
            accepted.ToString(System.Globalization.CultureInfo.InvariantCulture),
            completed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            finals.Count(c => c.Status == "failed").ToString(System.Globalization.CultureInfo.InvariantCulture),
            (accepted - finals.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            MarkdownReport.Number(overall, "0.0"),
            MarkdownReport.Number(steady, "0.0"),
            MarkdownReport.Number(ideal, "0.0"),
            MarkdownReport.Number(steady / ideal * 100, "0") + " %",
            MarkdownReport.Number(cpu.Api, "0"),
            MarkdownReport.Number(cpu.Workers, "0"),
            MarkdownReport.Number(cpu.WorkersTotal.TotalMilliseconds / Math.Max(1, completed.Count), "0"),
        ]]);
        report.Paragraph(
            "The workers' own measure of a model call (`snapmagic.model.latency`: L plus painting the card and encoding the PNG) " +
            "is on the Aspire dashboard's metrics view; the dashboard has no API for metrics, so it is not in this report.");
        if (submitErrors.Errors > 0)
            report.Paragraph("Submit errors: " + string.Join(", ", submitErrors.ErrorReasons.Select(e => $"{e.Count} × {e.Reason}")));
        report.LatencyTable(["per card", "what it is"],
        [
            (["end to end beyond model time", "completedAt − createdAt − L: queueing behind the cap plus all non-model work"], beyondModel),
            (["queue wait", "startedAt − createdAt: in the queue until a worker slot took it"], queueWait),
            (["work beyond model time", "completedAt − startedAt − L: waiting for a model slot, painting, PNG, store writes"], workBeyondModel),
        ]);
    }

    private sealed record CpuUsage(double Api, double Workers, TimeSpan WorkersTotal);
}
