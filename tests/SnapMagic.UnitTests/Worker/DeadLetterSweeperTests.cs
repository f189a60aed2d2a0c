using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Worker.DeadLetters;

namespace SnapMagic.UnitTests.Worker;

public sealed class DeadLetterSweeperTests : IAsyncDisposable
{
    private readonly WorkerHarness _worker = new();

    [Fact]
    public async Task The_dead_letter_sweeper_fails_an_open_card_and_keeps_its_message()
    {
        var job = await _worker.SubmitAsync();
        var message = await _worker.ReceiveAsync();
        await _worker.Queues.DeadLetters.SendAsync(new OutgoingMessage(message.Body, message.Attributes));
        await _worker.Queues.Jobs.DeleteAsync(message.ReceiptHandle);

        await _worker.CreateSweeper().SweepAsync(await _worker.ReceiveAsync(_worker.Queues.DeadLetters), CancellationToken.None);

        var stored = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Failed, stored!.Status);
        Assert.Equal(DeadLetterSweeper.DeadLetteredMessage, stored.Error);
        Assert.Equal([job.CorrelationId], _worker.Notifier.Notices);
        // Kept for operators, hidden so it is not read again soon.
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.DeadLetters.GetDepthAsync());
    }

    [Fact]
    public async Task The_dead_letter_sweeper_leaves_a_finished_card_alone()
    {
        _worker.Model.Then(ScriptedImageModel.Succeeds());
        var job = await _worker.SubmitAsync();
        await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);
        await _worker.Queues.DeadLetters.SendAsync(new OutgoingMessage(JobMessage.Card(job.CorrelationId).ToJson()));

        await _worker.CreateSweeper().SweepAsync(await _worker.ReceiveAsync(_worker.Queues.DeadLetters), CancellationToken.None);

        Assert.Equal(CardStatus.Completed, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        Assert.Equal(2, _worker.Notifier.Notices.Count);
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.DeadLetters.GetDepthAsync());
    }

    [Fact]
    public async Task The_hosted_sweeper_polls_the_dead_letter_queue_and_fails_the_open_cards_it_finds()
    {
        await using var worker = new WorkerHarness(withSweeper: true);
        var jobs = new[] { await worker.SubmitAsync(), await worker.SubmitAsync() };
        foreach (var _ in jobs)
        {
            var message = await worker.ReceiveAsync();
            await worker.Queues.DeadLetters.SendAsync(new OutgoingMessage(message.Body, message.Attributes));
            await worker.Queues.Jobs.DeleteAsync(message.ReceiptHandle);
        }

        await worker.StartAsync();
        // Received is not yet swept: wait for what the sweep does, every card failed and its change told to the Api.
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var job in jobs)
            {
                if ((await worker.Store.GetAsync(job.CorrelationId))!.Status != CardStatus.Failed)
                    return false;
            }
            return worker.Notifier.Notices.Count == jobs.Length;
        });
        await worker.StopAsync();

        Assert.Equal(jobs.Length, (await worker.Queues.DeadLetters.GetDepthAsync()).InFlight);
        Assert.Equal(jobs.Length, worker.Notifier.Notices.Count);
    }

    public ValueTask DisposeAsync() => _worker.DisposeAsync();
}
