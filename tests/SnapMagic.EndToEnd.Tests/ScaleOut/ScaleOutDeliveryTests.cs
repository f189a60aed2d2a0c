using System.Net;
using System.Text.Json;
using SnapMagic.EndToEnd.Tests.Faults;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Two Api replicas behind the one Api address, sharing Redis: whichever replica holds an attendee's connection
/// and whichever one a worker's notice reaches, every status reaches its own session, once.
/// </summary>
[Collection(ScaledOutCollection.Name)]
public sealed class ScaleOutDeliveryTests(ScaledOutBrowserSystem scaledOut)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Twenty_sessions_with_three_cards_each_get_every_push_of_their_own_once_across_two_replicas()
    {
        var system = scaledOut.System;
        using (var web = new HttpClient { BaseAddress = system.App.WebUrl })
        using (var config = JsonDocument.Parse(await web.GetStringAsync("/config.json")))
            Assert.True(config.RootElement.GetProperty("hubSkipNegotiation").GetBoolean(), "Behind replicas the page must open its WebSocket without negotiation.");
        var replicas = ApiReplicas.Of(system.App);
        Assert.Equal(2, replicas.Count);
        Assert.NotNull(system.App["redis"].LauncherPid);
        // Half the attendees hold their connection on each replica (their own addresses); everything else, and
        // every worker's notice, goes through the shared address, which spreads connections over both.
        var addresses = replicas.Select(ApiReplicas.OwnAddress).ToList();
        var attendees = new List<Attendee>();
        try
        {
            for (var i = 0; i < 20; i++)
                attendees.Add(await Attendee.LogInAsync(system, addresses[i % 2]));
            await Task.WhenAll(attendees.Select((a, i) => a.SubmitAsync(3, $"attendee {i + 1} on replica {i % 2 + 1}")));

            foreach (var attendee in attendees)
                await attendee.WaitAllCompletedAsync(attendee.Cards, Deadline);
            await DeliveryAssertions.EveryCardReachedItsOwnerOnceAsync(system, attendees, Deadline);
            // The backplane carried pushes to connections on both replicas.
            for (var replica = 0; replica < 2; replica++)
                Assert.Contains(attendees.Where((_, i) => i % 2 == replica), a => a.Cards.Any(id => a.PushCount(id, "completed") == 1));

            // The per-session limit is one count across the replicas: so many cards a minute, wherever they are sent.
            var greedy = await Attendee.LogInAsync(system);
            attendees.Add(greedy);
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < ScaledOutSystem.PerSessionPerMinute + 2; i++)
                answers.Add(await SubmitToAsync(addresses[i % 2], greedy.Token, $"greedy card {i + 1}"));
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, ScaledOutSystem.PerSessionPerMinute),
                HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        }
        finally
        {
            foreach (var attendee in attendees)
                await attendee.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> SubmitToAsync(Uri replica, string token, string prompt)
    {
        using var api = new HttpClient { BaseAddress = replica };
        using var response = await api.PostCardAsync(token, prompt);
        return response.StatusCode;
    }
}
