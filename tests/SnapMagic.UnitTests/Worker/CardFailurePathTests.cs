using SnapMagic.Worker.Jobs;
using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Worker.Cards;

namespace SnapMagic.UnitTests.Worker;

/// <summary>
/// A card whose worker meets a failing port (job store, image store, notifier, queue) ends completed or is tried
/// again; it is never lost, never painted twice once its image is stored, and never completed twice.
/// </summary>
public sealed class CardFailurePathTests : IAsyncDisposable
{
    private readonly WorkerHarness _worker = new();

    public CardFailurePathTests() => _worker.Model.Then(ScriptedImageModel.Succeeds());

    [Theory]
    [InlineData("store.GetAsync", CardStatus.Queued)]
    [InlineData("store.TryStartAsync", CardStatus.Queued)]
    public async Task A_job_store_that_fails_before_the_model_call_leaves_the_card_for_the_next_delivery(string failing, CardStatus left)
    {
        var (job, message) = await FirstDeliveryReleasedAsync(failing);
        Assert.Equal(left, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        Assert.Empty(_worker.Model.Calls);
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.Jobs.GetDepthAsync());

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(await _worker.RedeliverAsync(message), CancellationToken.None));
        Assert.Equal(CardStatus.Completed, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        Assert.Single(_worker.Model.Calls);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task An_image_store_that_fails_leaves_the_card_processing_and_the_next_delivery_paints_and_completes_it()
    {
        var (job, message) = await FirstDeliveryReleasedAsync("images.SaveAsync");
        Assert.Equal(CardStatus.Processing, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        Assert.Null(await _worker.Images.OpenReadAsync(ImageKey(job)));

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(await _worker.RedeliverAsync(message), CancellationToken.None));
        var stored = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Completed, stored!.Status);
        Assert.Equal(ImageKey(job), stored.ImageKey);
        // No image was stored the first time, so the second delivery had to paint it.
        Assert.Equal(2, _worker.Model.Calls.Count);
        Assert.Equal(1, _worker.Faults.Calls("store.TryCompleteAsync"));
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_notifier_that_fails_does_not_fail_the_card()
    {
        _worker.Notifier.Fails = true;
        var job = await _worker.SubmitAsync();

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None));

        Assert.Equal(CardStatus.Completed, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        Assert.Equal([CardStatus.Processing, CardStatus.Completed], _worker.Notifier.Statuses);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_notifier_that_fails_does_not_fail_a_refused_card_either()
    {
        await using var worker = new WorkerHarness();
        worker.Notifier.Fails = true;
        worker.Model.Then(ScriptedImageModel.Throws(SnapMagic.Imaging.ImageModelFailure.ContentBlocked, "Try another idea."));
        var job = await worker.SubmitAsync();

        Assert.Equal(JobOutcome.Failed, await worker.Messages.ProcessAsync(await worker.ReceiveAsync(), CancellationToken.None));

        var stored = await worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Failed, stored!.Status);
        Assert.Equal("Try another idea.", stored.Error);
        Assert.Equal([CardStatus.Processing, CardStatus.Failed], worker.Notifier.Statuses);
        Assert.Equal(new QueueDepth(0, 0), await worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_crash_between_storing_the_image_and_recording_completed_is_completed_by_the_redelivery_without_a_second_image()
    {
        var (job, message) = await FirstDeliveryReleasedAsync("store.TryCompleteAsync");
        Assert.Equal(CardStatus.Processing, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        Assert.NotNull(await _worker.Images.OpenReadAsync(ImageKey(job)));

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(await _worker.RedeliverAsync(message), CancellationToken.None));

        var stored = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Completed, stored!.Status);
        Assert.Equal(ImageKey(job), stored.ImageKey);
        Assert.Single(_worker.Model.Calls);
        Assert.Equal(1, _worker.Faults.Calls("images.SaveAsync"));
        Assert.Equal([CardStatus.Processing, CardStatus.Processing, CardStatus.Completed], _worker.Notifier.Statuses);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_failed_delete_leaves_the_message_to_come_back_and_its_redelivery_completes_nothing_twice()
    {
        var job = await _worker.SubmitAsync();
        _worker.Faults.Fail("jobs.DeleteAsync");
        var message = await _worker.ReceiveAsync();

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(message, CancellationToken.None));
        var completed = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Completed, completed!.Status);
        // Not deleted: still leased, it comes back when the lease runs out.
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.Jobs.GetDepthAsync());

        Assert.Equal(JobOutcome.AlreadyFinished, await _worker.Messages.ProcessAsync(await _worker.RedeliverAsync(message), CancellationToken.None));

        Assert.Equal(completed, await _worker.Store.GetAsync(job.CorrelationId));
        Assert.Single(_worker.Model.Calls);
        Assert.Equal(1, _worker.Faults.Calls("store.TryCompleteAsync"));
        Assert.Equal(1, _worker.Faults.Calls("images.SaveAsync"));
        // The redelivery announces the final status again (the first worker may have died before its notice).
        Assert.Equal([CardStatus.Processing, CardStatus.Completed, CardStatus.Completed], _worker.Notifier.Statuses);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_failed_dead_letter_send_keeps_the_poison_message_on_the_job_queue_until_a_later_send_succeeds()
    {
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage("not a card"));
        _worker.Faults.Fail("dead-letters.SendAsync");
        var message = await _worker.ReceiveAsync();

        Assert.Equal(JobOutcome.Released, await _worker.Messages.ProcessAsync(message, CancellationToken.None));
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.Jobs.GetDepthAsync());
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.DeadLetters.GetDepthAsync());

        Assert.Equal(JobOutcome.DeadLettered, await _worker.Messages.ProcessAsync(await _worker.RedeliverAsync(message), CancellationToken.None));
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
        Assert.Equal("not a card", (await _worker.ReceiveAsync(_worker.Queues.DeadLetters)).Body);
        Assert.Empty(_worker.Model.Calls);
    }

    [Fact]
    public async Task A_failed_release_leaves_the_message_to_come_back_when_its_lease_runs_out()
    {
        var job = await _worker.SubmitAsync();
        _worker.Faults.Fail("store.TryStartAsync");
        _worker.Faults.Fail("jobs.ChangeVisibilityAsync");
        var message = await _worker.ReceiveAsync();

        Assert.Equal(JobOutcome.Released, await _worker.Messages.ProcessAsync(message, CancellationToken.None));
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.Jobs.GetDepthAsync());

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(await _worker.RedeliverAsync(message), CancellationToken.None));
        Assert.Equal(CardStatus.Completed, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
    }

    /// <summary>Submits a card, plans one failure of <paramref name="failing"/>, and works the first delivery, which must release the message.</summary>
    private async Task<(CardJob Job, QueueMessage Message)> FirstDeliveryReleasedAsync(string failing)
    {
        var job = await _worker.SubmitAsync();
        _worker.Faults.Fail(failing);
        var message = await _worker.ReceiveAsync();
        Assert.Equal(JobOutcome.Released, await _worker.Messages.ProcessAsync(message, CancellationToken.None));
        return (job, message);
    }

    private static string ImageKey(CardJob job) => CardJob.ImageKeyFor(job.SessionId, job.CorrelationId);

    public ValueTask DisposeAsync() => _worker.DisposeAsync();
}
