using SnapMagic.Contracts;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Benchmarks.Client;
using SnapMagic.TestSupport.Api;
using SnapMagic.Benchmarks.Hosting;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: how long after the worker's completion write (the job's <c>completedAt</c>) the attendee
/// learns of it: over SignalR (<c>cardUpdated</c>) against a page that polls GET /api/cards/{id} every 5 s
/// from its submit, as the original system's page did. Each card has its own session and hub connection,
/// and both clients watch the same cards.
/// </summary>
public sealed class DeliveryScenario : IScenario
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(120);
    private const double CardsPerSecond = 4;

    public string Name => "delivery";

    public async Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        // L = 1 s: the hub subscription is in place well before the card completes.
        var settings = new SystemSettings(ModelLatencyMs: 1000);
        var cards = context.Quick ? 20 : 100;
        context.Progress($"delivery: starting the system ({settings.Describe()})");
        await using var system = await BenchmarkSystem.StartAsync(context.Options.Backend, settings, cancellationToken);
        var sessions = await system.Api.LogInManyAsync(cards, cancellationToken);

        var push = new LatencySample("SignalR cardUpdated");
        var poll = new LatencySample("poll every 5 s");
        var beforeSubscribe = 0;
        context.Progress($"delivery: {cards} cards at {CardsPerSecond}/s, each watched over SignalR and by a 5 s poller");
        var started = DateTimeOffset.UtcNow;
        var work = Enumerable.Range(0, cards).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromSeconds(i / CardsPerSecond), cancellationToken);
            if (await WatchOneAsync(system.Api, sessions[i], i, push, poll, cancellationToken))
                Interlocked.Increment(ref beforeSubscribe);
        });
        await Task.WhenAll(work);
        Write(report, settings, cards, push, poll, beforeSubscribe);
    }

    /// <summary>Submits one card and measures both ways of learning it completed; true when it completed before Subscribe answered.</summary>
    private static async Task<bool> WatchOneAsync(ApiClient api, LoginResponse session, int index, LatencySample push, LatencySample poll,
        CancellationToken cancellationToken)
    {
        using var deadline = Deadline.After(CardTimeout, cancellationToken);
        HubConnection? hub = null;
        try
        {
            hub = await CardsHubConnection.StartAsync(api.HubUrl, session.Token, deadline.Token);
            using var pushes = hub.CardUpdates();
            var id = await api.SubmitAsync(session, Prompts.For("delivery", index), deadline.Token);
            var submittedAt = DateTimeOffset.UtcNow;
            var poller = PollUntilFinalAsync(api, session, id, submittedAt, poll, deadline.Token);

            var snapshot = await hub.SubscribeAsync(id, deadline.Token);
            if (snapshot.IsFinal())
            {
                await poller;
                return true;
            }
            var (card, receivedAt) = await pushes.WaitForAsync(c => c.IsFinal() && c.CorrelationId == id, CardTimeout);
            if (card is { Status: "completed", CompletedAt: { } completedAt })
                push.Add(receivedAt - completedAt);
            else
                push.AddError($"card {card.Status}");
            await poller;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            push.AddError(ErrorReason.Of(ex, deadline.IsCancellationRequested));
        }
        finally
        {
            if (hub is not null)
                await hub.DisposeAsync();
        }
        return false;
    }

    /// <summary>GET every 5 s from the submit until the card is final; the delay from completedAt to the poll that saw it.</summary>
    private static async Task PollUntilFinalAsync(ApiClient api, LoginResponse session, string id, DateTimeOffset submittedAt,
        LatencySample poll, CancellationToken cancellationToken)
    {
        try
        {
            for (var round = 1; ; round++)
            {
                var due = submittedAt + round * PollInterval;
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, cancellationToken);
                var card = await api.GetCardAsync(session, id, cancellationToken);
                if (!card.IsFinal())
                    continue;
                var seenAt = DateTimeOffset.UtcNow;
                if (card is { Status: "completed", CompletedAt: { } completedAt })
                    poll.Add(seenAt - completedAt);
                else
                    poll.AddError($"card {card.Status}");
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            poll.AddError(ErrorReason.Of(ex));
        }
        catch (OperationCanceledException)
        {
            poll.AddError("timeout");
        }
    }

    private static void Write(MarkdownReport report, SystemSettings settings, int cards, LatencySample push, LatencySample poll, int beforeSubscribe)
    {
        report.Heading(2, "2. Delivery latency: worker's completion write to the attendee");
        report.Paragraph(
            $"{cards} cards submitted at {CardsPerSecond:0}/s, each from its own session with its own SignalR WebSocket " +
            $"(subscribed right after the submit), while a second client polls GET /api/cards/{{id}} every 5 s from the submit, as " +
            $"the original system's page did. Delay = the moment the client saw `completed` − the job's `completedAt` (written by " +
            $"the worker just before it calls the Api; both clocks are this machine's). {settings.Describe()}.");
        report.LatencyTable(["client"], [(["SignalR push (`cardUpdated`)"], push), (["poll every 5 s"], poll)]);
        if (beforeSubscribe > 0)
            report.Paragraph($"{beforeSubscribe} card(s) had completed before Subscribe answered: the snapshot delivered them, no push latency measured.");
        report.Paragraph(
            $"Push p50 is {MarkdownReport.Number(poll.Percentile(50) / push.Percentile(50), "0")}× shorter than polling's. " +
            $"The poller's delay is set by its phase: it polls 5 s, 10 s, ... after the submit, so a card done about " +
            $"{settings.ModelLatencyMs / 1000.0:0.#} s after its submit waits for the 5 s poll; over cards of all lengths it would average 2.5 s.");
    }
}
