using System.Collections.Concurrent;
using System.Globalization;
using Amazon.SQS;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.AppHost.Backends;
using SnapMagic.Aws;
using SnapMagic.Aws.Sqs;
using SnapMagic.Benchmarks.Client;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.Contracts;
using SnapMagic.Embedded;
using SnapMagic.FakeBedrock;
using SnapMagic.Queueing;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: what a pending video costs the workers. The workers' video model is Bedrock's asynchronous API on a fake
/// Bedrock this scenario owns, which keeps every video in progress. In one run: a batch of cards alone (baseline), then N
/// animations started and left running, the job queue's leased messages sampled while nothing else happens (the slots the
/// animations hold between their checks), then the same batch of cards again beside them.
/// </summary>
public sealed class AnimationScenario : IScenario
{
    private const int RecheckSeconds = 2;

    public string Name => "animations";

    public async Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        var settings = new SystemSettings(ModelLatencyMs: 500, ModelConcurrency: 2, WorkerConcurrency: 4);
        var animations = context.Quick ? 10 : 50;
        var cards = context.Quick ? 40 : 200;
        var idle = TimeSpan.FromSeconds(context.Quick ? 8 : 30);

        await using var bedrock = await FakeBedrockServer.StartAsync(LocalAwsBackend.Region, LocalAwsBackend.SecretAccessKey, cancellationToken: cancellationToken);
        bedrock.DefaultAsyncInvokeOutcome = FakeAsyncInvokeOutcome.TakeLong;
        var environment = new Dictionary<string, string>
        {
            ["VideoModel__Provider"] = "Bedrock",
            ["VideoModel__Bedrock__ServiceUrl"] = bedrock.Url.ToString(),
            ["VideoModel__Bedrock__Region"] = LocalAwsBackend.Region,
            ["VideoModel__Bedrock__OutputBucket"] = "bench-videos",
            ["Aws__AccessKeyId"] = LocalAwsBackend.AccessKeyId,
            ["Aws__SecretAccessKey"] = LocalAwsBackend.SecretAccessKey,
            ["Worker__Animations__RecheckSeconds"] = RecheckSeconds.ToString(CultureInfo.InvariantCulture),
            ["Animations__PerSession"] = "1000",
            ["Animations__EventPerHour"] = "100000",
            ["Animations__EventPerDay"] = "100000",
        };
        context.Progress($"animations: starting the system ({settings.Describe()}; videos on a fake Bedrock that keeps them running)");
        await using var system = await BenchmarkSystem.StartAsync(context.Options.Backend, settings, cancellationToken, environment);
        using var queues = OpenQueues(system, context.Options.Backend);
        var sessions = await system.Api.LogInManyAsync(10, cancellationToken);
        var hubs = await Task.WhenAll(sessions.Select(s => CardsHubConnection.StartAsync(system.Api.HubUrl, s.Token, cancellationToken)));
        var pushes = hubs.Select(h => h.CardUpdates()).ToArray();
        try
        {
            context.Progress($"animations: warm-up, {cards / 4} cards (not measured)");
            await RunCardsAsync(system.Api, sessions, hubs, pushes, cards / 4, "warm-up", cancellationToken);
            context.Progress($"animations: baseline, {cards} cards alone");
            var baseline = await RunCardsAsync(system.Api, sessions, hubs, pushes, cards, "baseline", cancellationToken);

            context.Progress($"animations: starting {animations} animations the fake keeps running");
            var animated = await RunCardsAsync(system.Api, sessions, hubs, pushes, animations, "to animate", cancellationToken);
            var http = new HttpClient { BaseAddress = system.App.ApiUrl };
            using (http)
            {
                await Parallel.ForEachAsync(animated.Ids, cancellationToken, async (card, ct) =>
                    await http.RequestAnimationAsync(sessions[card.Session].Token, card.Id, ct));
                await WaitUntilAsync(async () =>
                {
                    var views = await Task.WhenAll(animated.Ids.Select(c => http.GetCardAsync(sessions[c.Session].Token, c.Id, cancellationToken)));
                    return views.All(v => v.Animation?.Status == "processing");
                }, TimeSpan.FromSeconds(120), "every animation to be processing", cancellationToken);
            }

            context.Progress($"animations: {idle.TotalSeconds:0} s with {animations} videos running and no cards: sampling the job queue's leases");
            var pollsBefore = bedrock.AsyncInvocations.Sum(i => i.Polls);
            var leases = await SampleLeasesAsync(queues.Jobs, idle, cancellationToken);
            var polls = bedrock.AsyncInvocations.Sum(i => i.Polls) - pollsBefore;

            context.Progress($"animations: {cards} cards beside {animations} running videos");
            var beside = await RunCardsAsync(system.Api, sessions, hubs, pushes, cards, "beside", cancellationToken);

            Write(report, settings, animations, bedrock, leases, polls, idle, baseline, beside);
            context.Progress($"animations: leased job messages while {animations} videos ran: max {leases.Max}, mean {leases.Mean:0.00}; " +
                $"{polls} status checks in {idle.TotalSeconds:0} s; cards/s baseline {baseline.Throughput:0.0}, beside {beside.Throughput:0.0}");
        }
        finally
        {
            foreach (var push in pushes)
                push.Dispose();
            await Task.WhenAll(hubs.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private sealed record CardRun(IReadOnlyList<(string Id, int Session)> Ids, LatencySample Latency, double Throughput, int Completed);

    private sealed record LeaseSample(int Samples, int Max, double Mean, double ShareWithAny);

    /// <summary>Submits <paramref name="count"/> cards across the sessions and waits for each push of its end.</summary>
    private static async Task<CardRun> RunCardsAsync(ApiClient api, IReadOnlyList<LoginResponse> sessions, HubConnection[] hubs,
        HubPushes<CardView>[] pushes, int count, string label, CancellationToken cancellationToken)
    {
        var ids = new ConcurrentBag<(string Id, int Session)>();
        var finals = new ConcurrentDictionary<string, CardView>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var s = i % sessions.Count;
            var id = await api.SubmitAsync(sessions[s], Prompts.For($"animations-{label}", i), ct);
            ids.Add((id, s));
            var snapshot = await hubs[s].SubscribeAsync(id, ct);
            if (snapshot.IsFinal())
                finals.TryAdd(id, snapshot);
        });
        await Task.WhenAll(ids.Select(async card =>
        {
            if (finals.ContainsKey(card.Id))
                return;
            try
            {
                finals.TryAdd(card.Id, (await pushes[card.Session].WaitForAsync(c => c.CorrelationId == card.Id && c.IsFinal(), TimeSpan.FromSeconds(180))).Value);
            }
            catch (TimeoutException)
            {
                var read = await api.GetCardAsync(sessions[card.Session], card.Id, cancellationToken);
                if (read.IsFinal())
                    finals.TryAdd(card.Id, read);
            }
        }));
        var latency = new LatencySample($"{label}: completedAt − createdAt");
        var completed = finals.Values.Where(c => c is { Status: "completed", CompletedAt: not null }).ToList();
        foreach (var card in completed)
            latency.Add(card.CompletedAt!.Value - card.CreatedAt);
        var throughput = completed.Count > 1
            ? completed.Count / (completed.Max(c => c.CompletedAt!.Value) - completed.Min(c => c.CreatedAt)).TotalSeconds
            : double.NaN;
        return new CardRun([.. ids], latency, throughput, completed.Count);
    }

    /// <summary>Leased (in-flight) job messages every 50 ms: with no cards, only animation checks can hold them.</summary>
    private static async Task<LeaseSample> SampleLeasesAsync(IMessageQueue jobs, TimeSpan window, CancellationToken cancellationToken)
    {
        var counts = new List<long>();
        var end = DateTime.UtcNow + window;
        while (DateTime.UtcNow < end)
        {
            counts.Add((await jobs.GetDepthAsync(cancellationToken)).InFlight);
            await Task.Delay(50, cancellationToken);
        }
        return new LeaseSample(counts.Count, (int)counts.Max(), counts.Average(), counts.Count(c => c > 0) / (double)counts.Count);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var end = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > end)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            await Task.Delay(250, cancellationToken);
        }
    }

    private static QueuesHandle OpenQueues(BenchmarkSystem system, string backend)
    {
        if (backend == "embedded")
        {
            var sqlite = new SqliteCardQueues(system.App.DataDirectory, new QueueOptions());
            return new QueuesHandle(sqlite, sqlite);
        }
        var fauxqs = system.App.Aspire.GetEndpoint("fauxqs", "http").ToString();
        var aws = new AwsOptions { Region = LocalAwsBackend.Region, AccessKeyId = LocalAwsBackend.AccessKeyId, SecretAccessKey = LocalAwsBackend.SecretAccessKey, SqsServiceUrl = fauxqs };
        var sqs = aws.SqsClientOptions().CreateServiceClient<IAmazonSQS>();
        return new QueuesHandle(new SqsCardQueues(sqs, new QueueOptions()), sqs);
    }

    private sealed class QueuesHandle(ICardQueues queues, IDisposable owner) : IDisposable
    {
        public IMessageQueue Jobs => queues.Jobs;
        public void Dispose() => owner.Dispose();
    }

    private static void Write(MarkdownReport report, SystemSettings settings, int animations, FakeBedrockServer bedrock, LeaseSample leases,
        long polls, TimeSpan idle, CardRun baseline, CardRun beside)
    {
        report.Heading(2, "7. What a pending video costs the workers");
        report.Paragraph(
            $"{settings.Describe()}. The workers' video model is Bedrock's asynchronous API on a fake Bedrock that keeps every video " +
            $"in progress; a running video is checked by a delayed re-check message every {RecheckSeconds} s (Worker:Animations:RecheckSeconds). " +
            $"{animations} animations were started ({bedrock.AsyncInvocations.Count} invocations on the fake, {bedrock.StartAsyncInvokeCount} StartAsyncInvoke calls) " +
            "and left running for the rest of the run.");
        report.Table(["while videos ran, no cards", "value"],
        [
            ["videos running", animations.ToString(CultureInfo.InvariantCulture)],
            ["window", $"{idle.TotalSeconds:0} s, {leases.Samples} samples of the job queue every 50 ms"],
            ["leased job messages (worker slots in use), max", leases.Max.ToString(CultureInfo.InvariantCulture)],
            ["leased job messages, mean", MarkdownReport.Number(leases.Mean, "0.00")],
            ["samples with any lease", MarkdownReport.Number(leases.ShareWithAny * 100, "0.0") + " %"],
            ["status checks (GetAsyncInvoke) in the window", polls.ToString(CultureInfo.InvariantCulture)],
            ["worker slots in total", (settings.Workers * settings.WorkerConcurrency).ToString(CultureInfo.InvariantCulture)],
        ]);
        report.Table(["cards", "completed", "throughput (cards/s)"],
        [
            ["alone", baseline.Completed.ToString(CultureInfo.InvariantCulture), MarkdownReport.Number(baseline.Throughput)],
            [$"beside {animations} running videos", beside.Completed.ToString(CultureInfo.InvariantCulture), MarkdownReport.Number(beside.Throughput)],
        ]);
        report.LatencyTable(["cards"], [(["alone"], baseline.Latency), ([$"beside {animations} running videos"], beside.Latency)]);
    }
}
