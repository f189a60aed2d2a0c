using SnapMagic.Cards;
using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Worker;

public sealed class CardConsumerTests
{
    [Fact]
    public async Task The_consumer_turns_queued_cards_into_completed_ones()
    {
        await using var worker = await RunUntilCompletedAsync(concurrency: 2, cards: 3);

        Assert.Equal(3, worker.Model.Calls.Count);
        Assert.Equal(6, worker.Notifier.Notices.Count);
        Assert.Equal(new QueueDepth(0, 0), await worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task More_slots_than_one_receive_returns_still_consumes()
    {
        // A queue hands out at most ten messages per receive; 16 slots must not ask for more.
        await using var worker = await RunUntilCompletedAsync(concurrency: 16, cards: 12);

        Assert.Equal(12, worker.Model.Calls.Count);
    }

    [Fact]
    public async Task On_shutdown_a_card_that_cannot_finish_in_the_grace_period_is_released_for_another_worker()
    {
        await using var worker = new WorkerHarness(new Dictionary<string, string?> { ["Worker:ShutdownGraceSeconds"] = "0" }, withConsumer: true);
        worker.Model.Then(worker.Model.Hangs());
        var job = await worker.SubmitAsync();

        await worker.StartAsync();
        await worker.Model.Hanging.WaitAsync(TimeSpan.FromSeconds(20));
        await worker.StopAsync();

        // Released at once (visible again), and the card is not failed: another worker finishes it.
        Assert.Equal(new QueueDepth(1, 0), await worker.Queues.Jobs.GetDepthAsync());
        Assert.Equal(CardStatus.Processing, (await worker.Store.GetAsync(job.CorrelationId))!.Status);
        var again = await worker.ReceiveAsync();
        Assert.Equal(2, again.ReceiveCount);
    }

    /// <summary>Submits <paramref name="cards"/> cards, runs the consumer until all are completed, and stops it.</summary>
    private static async Task<WorkerHarness> RunUntilCompletedAsync(int concurrency, int cards)
    {
        var worker = new WorkerHarness(new Dictionary<string, string?> { ["Worker:Concurrency"] = $"{concurrency}" }, withConsumer: true);
        try
        {
            worker.Model.Then(ScriptedImageModel.Succeeds());
            var jobs = new List<CardJob>();
            for (var i = 0; i < cards; i++)
                jobs.Add(await worker.SubmitAsync());

            await worker.StartAsync();
            await Eventually.HoldsAsync(async () =>
            {
                foreach (var job in jobs)
                    if ((await worker.Store.GetAsync(job.CorrelationId))!.Status != CardStatus.Completed)
                        return false;
                return true;
            });
            await worker.StopAsync();
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

}
