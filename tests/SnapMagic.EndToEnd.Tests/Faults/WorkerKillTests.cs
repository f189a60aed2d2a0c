using SnapMagic.AppHost.Hosting;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>A worker dies by SIGKILL in the middle of model calls: its leases run out and the other worker finishes its cards.</summary>
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
        await system.App.Services.KillAsync("worker-1");

        Assert.Equal(137, victim.LastExitCode);
        Assert.Equal(ServiceState.Stopped, victim.State);
        Assert.False(Hosting.SnapMagicSystem.IsRunning(pid));
        Assert.Empty(victim.Output.Tail(2000, "completed"));

        await attendee.WaitAllCompletedAsync(cards, Deadline);
        await system.WaitForJobQueueEmptyAsync(Deadline);
        await attendee.SyncAsync();

        foreach (var id in cards)
        {
            Assert.Equal(1, attendee.PushCount(id, "completed"));
            Assert.Single(system.WorkerLines($"Card {id} completed"));
        }
        // Worker-1 completed nothing: worker-2 finished the two cards it died holding.
        Assert.Equal(cards.Count, system.Service("worker-2").Output.Tail(2000, "completed").Count(l => cards.Any(l.Text.Contains)));
        Assert.Equal(cards.Select(attendee.ImageFileOf).Order(), system.ImageFiles());
        foreach (var id in cards)
            Assert.Equal(attendee.ImageFileOf(id), await ImageKeyAsync(system, id));
    }

    private static async Task<string?> ImageKeyAsync(FaultSystem system, string correlationId)
    {
        using var store = system.OpenJobStore();
        return (await store.GetAsync(correlationId))?.ImageKey;
    }
}
