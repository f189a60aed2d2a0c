using SnapMagic.Cards;
using SnapMagic.EndToEnd.Tests.Cards;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// The Api goes away while attendees wait for their cards (a deploy's SIGTERM, or a crash's SIGKILL) and
/// comes back: the workers keep finishing cards meanwhile, the browsers reconnect and re-subscribe, and the
/// snapshots plus the pushes that follow give every attendee every card.
/// </summary>
public sealed class ApiRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Clients_reconnect_and_get_every_card_including_those_finished_while_the_Api_was_down(bool kill)
    {
        await using var system = await FaultSystem.StartAsync(workers: 1, new Dictionary<string, string>
        {
            // One card at a time, 1.5 s each: some finish while the Api is down, the rest after it is back.
            ["Worker__Concurrency"] = "1",
            ["ImageModel__MaxConcurrency"] = "1",
            ["ImageModel__Local__LatencyMs"] = "1500",
        });
        await using var alice = await Attendee.LogInAsync(system);
        await using var bob = await Attendee.LogInAsync(system);
        var cards = new List<(Attendee Owner, string Id)>();
        for (var i = 0; i < 2; i++)
        {
            cards.Add((alice, await alice.SubmitAsync($"alice waits for card {i + 1} across a restart")));
            cards.Add((bob, await bob.SubmitAsync($"bob waits for card {i + 1} across a restart")));
        }
        var first = cards[0].Id;
        await system.WaitUntilAsync(() => alice.KnownStatus(first) == "processing", "the first card to be processing", Deadline);

        if (kill)
            await system.App.KillAsync("api");
        else
            await system.App.StopAsync("api");

        // With nobody to push to, the worker still finishes the card; the store has it.
        using (var store = system.OpenJobStore())
        {
            await system.WaitUntilAsync(async () => (await store.GetAsync(first))?.Status == CardStatus.Completed,
                "the first card to complete while the Api is down", Deadline);
        }
        Assert.Equal(0, alice.PushCount(first, "completed"));

        await system.App.StartAgainAsync("api");
        await alice.ReconnectAsync();
        await bob.ReconnectAsync();

        // The snapshot closed the gap for the card that finished while the client was away.
        Assert.Equal("completed", alice.Snapshot(first).Status);
        foreach (var attendee in new[] { alice, bob })
        {
            var own = cards.Where(c => c.Owner == attendee).Select(c => c.Id).ToList();
            await attendee.WaitAllCompletedAsync(own, Deadline);
        }
        await system.WaitForJobQueueEmptyAsync(Deadline);
        await alice.SyncAsync();
        await bob.SyncAsync();

        foreach (var (owner, id) in cards)
        {
            Assert.InRange(owner.PushCount(id, "completed"), 0, 1);
            // Finished before the reconnect: the snapshot said so; after it: the new connection got the push.
            Assert.True(owner.Snapshot(id).Status == "completed" || owner.PushCount(id, "completed") == 1,
                $"Card {id} completed but its owner was told neither by snapshot nor by push.");
            PaintedCard.AssertPainted(await owner.DownloadImageAsync(id));
        }
        Assert.Equal(cards.Select(c => c.Owner.ImageFileOf(c.Id)).Order(), system.ImageFiles());
    }
}
