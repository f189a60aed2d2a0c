using Aspire.Hosting.ApplicationModel;
using SnapMagic.EndToEnd.Tests.Hosting;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// A worker dies by SIGKILL (in the middle of model calls, or in its first seconds): its leases run out and the other
/// worker finishes its cards; nothing else goes down (Aspire does not stop the app when a replica exits).
/// </summary>
public sealed class WorkerKillTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_card_still_completes_with_one_completed_push_and_one_image_each()
    {
        await using var system = await FaultSystem.StartAsync(workers: 2, new Dictionary<string, string>
        {
            // A lost lease comes back after 3 s; each model call takes 3.5 s, long enough to kill the worker inside one.
            ["Queue__VisibilityTimeoutSeconds"] = "3",
            ["ImageModel__Local__LatencyMs"] = "3500",
            ["Worker__Concurrency"] = "2",
            ["ImageModel__MaxConcurrency"] = "2",
        });
        await using var attendee = await Attendee.LogInAsync(system);
        var cards = await attendee.SubmitAsync(6);

        // Two workers with two slots each: once four cards are processing, worker-1 holds two model calls.
        await system.WaitUntilAsync(() => cards.Count(id => attendee.KnownStatus(id) == "processing") >= 4,
            "four cards to be processing", Deadline);
        var victim = system.Service("worker-1");
        var pid = victim.Pid!.Value;
        await system.App.KillAsync("worker-1");

        Assert.NotEqual(0, victim.ExitCode);
        Assert.Contains(victim.State, KnownResourceStates.TerminalStates);
        Assert.False(ProcessTree.IsRunning(pid));
        Assert.Empty(victim.Lines(2000, "completed"));

        await attendee.WaitAllCompletedAsync(cards, Deadline);
        await system.WaitForJobQueueEmptyAsync(Deadline);
        await attendee.SyncAsync();

        foreach (var id in cards)
        {
            Assert.Equal(1, attendee.PushCount(id, "completed"));
            Assert.Single(await system.WaitForWorkerLinesAsync($"Card {id} completed", 1, Deadline));
        }
        // Worker-1 completed nothing: worker-2 finished the two cards it died holding.
        Assert.Equal(cards.Count, system.Service("worker-2").Lines(2000, "completed").Count(l => cards.Any(l.Contains)));
        Assert.Equal(cards.Select(attendee.ImageFileOf).Order(), system.ImageFiles());
        foreach (var id in cards)
            Assert.Equal(attendee.ImageFileOf(id), await ImageKeyAsync(system, id));
    }

    [Fact]
    public async Task A_worker_killed_in_its_first_seconds_takes_nothing_down_and_every_card_completes_once()
    {
        await using var system = await FaultSystem.StartAsync(workers: 2, new Dictionary<string, string>
        {
            // As a new user tried it: slow model calls, a short lease.
            ["Queue__VisibilityTimeoutSeconds"] = "10",
            ["ImageModel__Local__LatencyMs"] = "4000",
        });
        await using var attendee = await Attendee.LogInAsync(system);
        var cards = await attendee.SubmitAsync(4);
        await system.WaitUntilAsync(() => cards.Any(id => attendee.KnownStatus(id) == "processing"), "a card to be processing", Deadline);
        var victim = system.Service("worker-1");
        await system.App.KillAsync("worker-1");

        await attendee.WaitAllCompletedAsync(cards, TimeSpan.FromSeconds(90));
        await attendee.SyncAsync();
        foreach (var id in cards)
            Assert.Equal(1, attendee.PushCount(id, "completed"));
        // The rest of the system kept running: the Api, the page and the other worker.
        foreach (var name in new[] { "api", "web", "worker-2" })
            Assert.Equal(KnownResourceStates.Running, system.Service(name).State);
        Assert.Contains(victim.State, KnownResourceStates.TerminalStates);
        Assert.Equal(cards.Select(attendee.ImageFileOf).Order(), system.ImageFiles());
    }

    private static async Task<string?> ImageKeyAsync(FaultSystem system, string correlationId)
    {
        using var store = system.OpenJobStore();
        return (await store.GetAsync(correlationId))?.ImageKey;
    }
}
