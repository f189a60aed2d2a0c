using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Worker.Feedback;
using SnapMagic.Worker.Jobs;

namespace SnapMagic.UnitTests.Worker.Feedback;

/// <summary>The feedback role in the worker's real wiring (<c>AddCardProcessing</c>, Local providers): routing, settling, dead letters.</summary>
public sealed class FeedbackWiringTests : IAsyncDisposable
{
    private readonly WorkerHarness _worker = new();

    private IFeedbackStore Store => _worker.Services.GetRequiredService<IFeedbackStore>();

    private async Task<FeedbackItem> SubmitTypedAsync(string text)
    {
        var item = new FeedbackItem
        {
            FeedbackId = CorrelationIds.New(), SessionId = "session-1", Kind = FeedbackKind.Typed, Status = FeedbackStatus.Queued,
            CreatedAt = DateTimeOffset.UtcNow, Text = text,
        };
        await Store.CreateAsync(item);
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Feedback(item.FeedbackId).ToJson(),
            new Dictionary<string, string> { [MessageAttributes.CorrelationId] = item.FeedbackId }));
        return item;
    }

    [Fact]
    public async Task A_feedback_message_goes_to_the_feedback_role_which_scores_it_locally_and_the_message_is_deleted()
    {
        var item = await SubmitTypedAsync("I loved this booth. The cards were amazing and really fun.");

        var outcome = await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);

        Assert.Equal(JobOutcome.Completed, outcome);
        var stored = await Store.GetAsync(item.FeedbackId);
        Assert.Equal(FeedbackStatus.Completed, stored!.Status);
        Assert.Equal(Sentiment.Positive, stored.Sentiment);
        Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
        Assert.Empty(_worker.Model.Calls);
        Assert.Equal(FeedbackStatus.Completed, _worker.Notifier.FeedbackNotices[^1].Status);
    }

    [Fact]
    public async Task The_dead_letter_sweeper_fails_open_feedback_and_keeps_its_message()
    {
        var item = await SubmitTypedAsync("It was okay.");
        var message = await _worker.ReceiveAsync();
        await _worker.Queues.DeadLetters.SendAsync(new OutgoingMessage(message.Body, message.Attributes));
        await _worker.Queues.Jobs.DeleteAsync(message.ReceiptHandle);

        await _worker.CreateSweeper().SweepAsync(await _worker.ReceiveAsync(_worker.Queues.DeadLetters), CancellationToken.None);

        var stored = await Store.GetAsync(item.FeedbackId);
        Assert.Equal(FeedbackStatus.Failed, stored!.Status);
        Assert.Equal(FeedbackDeadLetters.DeadLetteredMessage, stored.Error);
        Assert.Equal([(item.FeedbackId, FeedbackStatus.Failed)], _worker.Notifier.FeedbackNotices);
        Assert.Empty(_worker.Notifier.Notices);
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.DeadLetters.GetDepthAsync());
    }

    [Fact]
    public async Task The_dead_letter_sweeper_leaves_finished_feedback_alone()
    {
        var item = await SubmitTypedAsync("Great app, I love it.");
        await _worker.Messages.ProcessAsync(await _worker.ReceiveAsync(), CancellationToken.None);
        await _worker.Queues.DeadLetters.SendAsync(new OutgoingMessage(JobMessage.Feedback(item.FeedbackId).ToJson()));
        var notices = _worker.Notifier.FeedbackNotices.Count;

        await _worker.CreateSweeper().SweepAsync(await _worker.ReceiveAsync(_worker.Queues.DeadLetters), CancellationToken.None);

        Assert.Equal(FeedbackStatus.Completed, (await Store.GetAsync(item.FeedbackId))!.Status);
        Assert.Equal(notices, _worker.Notifier.FeedbackNotices.Count);
    }

    public ValueTask DisposeAsync() => _worker.DisposeAsync();
}
