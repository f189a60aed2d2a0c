using SnapMagic.Worker.Jobs;
using SnapMagic.Cards;
using SnapMagic.Imaging;
using SnapMagic.Queueing;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Worker.Cards;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.UnitTests.Worker;

public sealed class CardMessageManagerTests : IAsyncDisposable
{
    private readonly WorkerHarness _worker = new();

    [Fact]
    public async Task Paints_stores_completes_notifies_and_deletes_the_message()
    {
        _worker.Model.Then(ScriptedImageModel.Succeeds());
        var job = await _worker.SubmitAsync("a dragon made of stained glass");

        var outcome = await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.Completed, outcome);
        var stored = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.NotNull(stored);
        Assert.Equal(CardStatus.Completed, stored.Status);
        Assert.NotNull(stored.StartedAt);
        Assert.NotNull(stored.CompletedAt);
        Assert.Equal(CardJob.ImageKeyFor(job.SessionId, job.CorrelationId), stored.ImageKey);
        await using (var image = await _worker.Images.OpenReadAsync(stored.ImageKey!))
        {
            Assert.NotNull(image);
            using var copy = new MemoryStream();
            await image.CopyToAsync(copy);
            Assert.Equal(ScriptedImageModel.Png, copy.ToArray());
        }
        var call = Assert.Single(_worker.Model.Calls);
        Assert.Equal(job.CorrelationId, call.CorrelationId);
        Assert.Equal("a dragon made of stained glass", call.Prompt);
        // One notice for processing, one for completed.
        Assert.Equal([job.CorrelationId, job.CorrelationId], _worker.Notifier.Notices);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_redelivered_message_of_a_completed_card_makes_no_second_image_and_announces_the_card_again()
    {
        _worker.Model.Then(ScriptedImageModel.Succeeds());
        var job = await _worker.SubmitAsync();
        await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);
        var completed = await _worker.Store.GetAsync(job.CorrelationId);

        // The same message again, as SQS may deliver it (at-least-once).
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Card(job.CorrelationId).ToJson()));
        var outcome = await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.AlreadyFinished, outcome);
        Assert.Single(_worker.Model.Calls);
        // processing, completed, and completed again for the case the first worker died before its notice;
        // the Api pushes each status once (see SnapMagic.Api's PushedStatuses).
        Assert.Equal(3, _worker.Notifier.Notices.Count);
        Assert.Equal(completed, await _worker.Store.GetAsync(job.CorrelationId));
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_content_block_fails_the_card_with_the_models_words_and_is_not_retried()
    {
        _worker.Model.Then(ScriptedImageModel.Throws(ImageModelFailure.ContentBlocked, "This prompt was blocked by the content filter. Try another idea."));
        var job = await _worker.SubmitAsync();

        var outcome = await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.Failed, outcome);
        var stored = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Failed, stored!.Status);
        Assert.Equal("This prompt was blocked by the content filter. Try another idea.", stored.Error);
        Assert.Null(stored.ImageKey);
        Assert.Single(_worker.Model.Calls);
        Assert.Equal(2, _worker.Notifier.Notices.Count);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_transient_failure_below_the_max_receive_count_releases_the_message_and_keeps_the_card_open()
    {
        _worker.Model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient));
        var job = await _worker.SubmitAsync();

        var outcome = await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal(CardStatus.Processing, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
        // The first attempt and one retry (ImageModel:MaxRetries = 1).
        Assert.Equal(2, _worker.Model.Calls.Count);
        // Held back for a later try, not deleted.
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.Jobs.GetDepthAsync());
    }

    [Fact]
    public async Task A_transient_failure_on_the_last_allowed_receive_fails_the_card_readably()
    {
        _worker.Model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient));
        var job = await _worker.SubmitAsync();
        // Two earlier deliveries that went nowhere (Queue:MaxReceiveCount = 3).
        for (var i = 0; i < 2; i++)
            await _worker.Queues.Jobs.ChangeVisibilityAsync((await _worker.ReceiveAsync()).ReceiptHandle, TimeSpan.Zero);
        var last = await _worker.ReceiveAsync();
        Assert.Equal(3, last.ReceiveCount);

        var outcome = await _worker.Messages.ProcessAsync(last, CancellationToken.None);

        Assert.Equal(JobOutcome.Failed, outcome);
        var stored = await _worker.Store.GetAsync(job.CorrelationId);
        Assert.Equal(CardStatus.Failed, stored!.Status);
        Assert.Equal(CardJobHandler.BusyMessage, stored.Error);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
        Assert.Equal(2, _worker.Notifier.Notices.Count);
    }

    [Fact]
    public async Task A_card_that_meets_an_open_breaker_is_released_not_failed_even_on_its_last_receive()
    {
        await using var worker = new WorkerHarness(new Dictionary<string, string?>
        {
            ["ImageModel:MaxRetries"] = "0",
            ["ImageModel:BreakerMinimumThroughput"] = "2",
            ["ImageModel:BreakerBreakSeconds"] = "60",
        });
        worker.Model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient));
        var model = worker.Services.GetRequiredService<ResilientImageModel>();
        var request = new CardImageRequest(CorrelationIds.New(), "an outage in progress");
        for (var i = 0; i < 2; i++)
            await Assert.ThrowsAsync<ImageModelException>(() => model.PaintCardAsync(request, CancellationToken.None));
        var job = await worker.SubmitAsync();
        for (var i = 0; i < 2; i++)
            await worker.Queues.Jobs.ChangeVisibilityAsync((await worker.ReceiveAsync()).ReceiptHandle, TimeSpan.Zero);

        var outcome = await worker.Messages.ProcessAsync(await worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal(2, worker.Model.Calls.Count);
        Assert.Equal(CardStatus.Processing, (await worker.Store.GetAsync(job.CorrelationId))!.Status);
        // Held back until the break is over, not offered to another consumer at once.
        Assert.Equal(new QueueDepth(0, 1), await worker.Queues.Jobs.GetDepthAsync());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"correlationId\":\"../../etc/passwd\"}")]
    [InlineData("{}")]
    public async Task A_poison_message_goes_to_the_dead_letter_queue_intact(string body)
    {
        var attributes = new Dictionary<string, string> { ["origin"] = "test" };
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage(body, attributes));

        var outcome = await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.DeadLettered, outcome);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
        var dead = await _worker.ReceiveAsync(_worker.Queues.DeadLetters);
        Assert.Equal(body, dead.Body);
        Assert.Equal("test", dead.Attributes["origin"]);
        Assert.Empty(_worker.Model.Calls);
    }

    [Fact]
    public async Task After_a_poison_message_the_next_card_is_processed()
    {
        _worker.Model.Then(ScriptedImageModel.Succeeds());
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage("garbage"));
        await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);
        var job = await _worker.SubmitAsync();

        Assert.Equal(JobOutcome.Completed, await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None));
        Assert.Equal(CardStatus.Completed, (await _worker.Store.GetAsync(job.CorrelationId))!.Status);
    }

    public ValueTask DisposeAsync() => _worker.DisposeAsync();
}
