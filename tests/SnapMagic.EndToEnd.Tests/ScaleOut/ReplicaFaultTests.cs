using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Cards;
using SnapMagic.EndToEnd.Tests.Faults;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Faults of the scaled-out system (two Api replicas, one Redis) while cards are in flight: a replica SIGKILLed,
/// Redis stopped and started again. The attendees' clients do what the page does: reconnect through the one Api
/// address when their connection drops, re-subscribe, and take the snapshots; every card reaches its owner once.
/// </summary>
public sealed class ReplicaFaultTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static readonly Dictionary<string, string> OneCardAtATime = new()
    {
        ["Worker__Concurrency"] = "1",
        ["ImageModel__MaxConcurrency"] = "1",
        ["ImageModel__Local__LatencyMs"] = "1500",
    };

    [Fact]
    public async Task Clients_of_a_killed_replica_reconnect_through_the_same_address_and_get_every_card()
    {
        await using var run = await CardsInFlight.StartAsync(attendeeCount: 6, "a card that outlives its replica");
        var (system, attendees) = (run.System, run.Attendees);

        await system.App.KillAsync(ApiReplicas.Of(system.App)[0].Name);

        // The shared address spread the connections over both replicas: the killed one's clients lost theirs.
        await system.WaitUntilAsync(() => attendees.Any(a => a.Hub.State == HubConnectionState.Disconnected), "a connection of the killed replica to drop", Deadline);
        foreach (var attendee in attendees)
            await WaitAllCompletedReconnectingAsync(system, attendee);
        await DeliveryAssertions.EveryCardReachedItsOwnerOnceAsync(system, attendees, Deadline);
        Assert.Contains(attendees, a => a.Reconnects > 0);
    }

    [Fact]
    public async Task Pushes_resume_after_Redis_restarts_and_no_card_is_lost_to_a_waiting_client()
    {
        await using var run = await CardsInFlight.StartAsync(attendeeCount: 4, "a card that outlives a Redis restart");
        var (system, attendees) = (run.System, run.Attendees);

        await system.App.StopAsync("redis");
        // The per-session limit cannot be checked without Redis: the card is accepted all the same, at once.
        var submitted = Stopwatch.StartNew();
        var lateCard = (await system.Api.SubmitCardAsync(attendees[0].Token, "a card sent while Redis is down")).CorrelationId;
        Assert.True(submitted.Elapsed < TimeSpan.FromSeconds(5), $"The submit took {submitted.Elapsed} without Redis.");
        // (A service's output reaches the test a little after the process wrote it.)
        await system.WaitUntilAsync(() => ApiLines(system, "let through without checking its rate limit").Count > 0, "the Api to log the unchecked limit", Deadline);
        // A change notice reaches an Api while the backplane is down: it pushes nothing, and answers at once. (One racing
        // the outage's first moments may wait out the worker's timeout; that card too reaches its owner, below.)
        await system.WaitUntilAsync(() => ApiLines(system, "not pushed, Redis is unreachable").Count > 0, "a change notice to reach an Api while Redis is down", Deadline);
        using (var store = system.OpenJobStore())
        {
            await system.WaitUntilAsync(async () => (await store.GetAsync(run.First))?.Status == CardStatus.Completed,
                "the first card to complete while Redis is down", Deadline);
        }
        // Meanwhile the page polls, and its reads need no Redis.
        Assert.Equal("completed", (await system.Api.GetCardAsync(attendees[0].Token, run.First)).Status);
        await system.App.StartAgainAsync("redis");

        foreach (var attendee in attendees)
            await WaitAllCompletedReconnectingAsync(system, attendee);
        await DeliveryAssertions.EveryCardReachedItsOwnerOnceAsync(system, attendees, Deadline);
        // The card sent while Redis was down was made, and its owner's re-subscribe tells of it.
        Assert.Equal("completed", (await attendees[0].Hub.SubscribeAsync(lateCard)).Status);
        // The replicas closed every connection when the backplane went away, so every client re-subscribed,
        Assert.All(attendees, a => Assert.True(a.Reconnects > 0, $"Session {a.SessionId} was never made to reconnect."));
        // and cards finished after the restart were pushed again.
        Assert.Contains(attendees, a => a.PushesOnThisConnection.Count > 0);
    }

    /// <summary>
    /// Two Api replicas and one worker painting a card at a time; each attendee sent two cards, and the first card is
    /// being painted: the rest are in flight when the fault strikes. Disposing drops the attendees, then the system.
    /// </summary>
    private sealed class CardsInFlight(FaultSystem system, List<Attendee> attendees, string first) : IAsyncDisposable
    {
        public FaultSystem System { get; } = system;
        public List<Attendee> Attendees { get; } = attendees;
        public string First { get; } = first;

        public static async Task<CardsInFlight> StartAsync(int attendeeCount, string prompt)
        {
            var system = await FaultSystem.StartAsync(workers: 1, new Dictionary<string, string>(OneCardAtATime)
            {
                // The per-session limit on, counted in Redis: room for every card these tests send.
                ["Cards__PerSessionPerMinute"] = "10",
            }, apiReplicas: 2);
            var attendees = new List<Attendee>();
            try
            {
                for (var i = 0; i < attendeeCount; i++)
                    attendees.Add(await Attendee.LogInAsync(system));
                foreach (var attendee in attendees)
                    await attendee.SubmitAsync(2, prompt);
                var first = attendees[0].Cards[0];
                await WaitUntilProcessingAsync(system, first);
                return new CardsInFlight(system, attendees, first);
            }
            catch
            {
                await new CardsInFlight(system, attendees, "").DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                foreach (var attendee in Attendees)
                    await attendee.DisposeAsync();
            }
            finally
            {
                await System.DisposeAsync();
            }
        }
    }

    private static IReadOnlyList<string> ApiLines(FaultSystem system, string text) =>
        [.. ApiReplicas.Of(system.App).SelectMany(replica => replica.Lines(text: text))];

    /// <summary>From the store, not the pushes: a replica may have closed the connection meanwhile.</summary>
    private static async Task WaitUntilProcessingAsync(FaultSystem system, string correlationId)
    {
        using var store = system.OpenJobStore();
        await system.WaitUntilAsync(async () => (await store.GetAsync(correlationId))?.Status is not (null or CardStatus.Queued),
            "the first card to be processing", Deadline);
    }

    /// <summary>
    /// Waits for the attendee's cards as the page does: when the connection drops, reconnect through the Api's
    /// address (retrying while it leads nowhere: a dead replica, or a replica without its backplane), re-subscribe.
    /// </summary>
    private static async Task WaitAllCompletedReconnectingAsync(FaultSystem system, Attendee attendee)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            try
            {
                if (attendee.Hub.State == HubConnectionState.Disconnected)
                    await attendee.ReconnectAsync();
                await attendee.WaitAllCompletedAsync(attendee.Cards, deadline - DateTime.UtcNow);
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or IOException or WebSocketException
                    or HttpRequestException or HubException or TimeoutException
                && (attendee.Hub.State == HubConnectionState.Disconnected || ex is WebSocketException or HttpRequestException)
                && DateTime.UtcNow < deadline)
            {
                // The page's reconnect back-off, shortened.
                await Task.Delay(250);
            }
        }
    }
}
