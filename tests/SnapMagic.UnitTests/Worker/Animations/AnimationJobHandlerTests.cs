using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Imaging.Video;
using SnapMagic.Queueing;
using SnapMagic.Worker.Animations;
using SnapMagic.Worker.Jobs;

namespace SnapMagic.UnitTests.Worker.Animations;

/// <summary>
/// The animation role through the worker's real wiring (message manager, SQLite queue and store, blob store) with a
/// scripted video model: each state of an animation, redeliveries, the breaker, the deadline and duplicate checks.
/// </summary>
public sealed class AnimationJobHandlerTests : IAsyncDisposable
{
    private readonly WorkerHarness _worker = AnimationHarness.Create();

    private Task<JobOutcome> ProcessAsync(QueueMessage message) => _worker.Messages.ProcessAsync(message, CancellationToken.None);

    [Fact]
    public async Task A_queued_animation_is_started_from_the_cards_picture_stored_processing_announced_and_checked_again_later()
    {
        var card = await _worker.CompletedCardAsync();
        var start = await _worker.RequestAnimationAsync(card);

        var outcome = await ProcessAsync(start);

        Assert.Equal(JobOutcome.Completed, outcome); // the start message is deleted: a re-check carries on
        Assert.Equal(1, _worker.VideoModel.Starts);
        Assert.Equal(ScriptedImageModel.Png, _worker.VideoModel.LastRequest!.CardPng.ToArray());
        Assert.Equal(card.Prompt, _worker.VideoModel.LastRequest.Prompt);
        var animation = await _worker.AnimationAsync(card.CorrelationId);
        Assert.Equal(CardAnimationStatus.Processing, animation.Status);
        Assert.Equal(ScriptedVideoModel.HandleOf(card.CorrelationId).Id, animation.InvocationId);
        Assert.Equal([(card.CorrelationId, CardAnimationStatus.Processing)], _worker.Notifier.AnimationNotices);
        var recheck = Assert.Single(await _worker.WaitingMessagesAsync());
        Assert.Equal(JobMessage.Animation(card.CorrelationId), JobMessage.TryParse(recheck.Body));
        Assert.Equal(0, _worker.Services.GetRequiredService<ResilientVideoModel>().CallsInFlight);
    }

    [Fact]
    public async Task The_re_check_is_sent_with_the_configured_delay_and_holds_no_slot_meanwhile()
    {
        await using var worker = AnimationHarness.Create(new Dictionary<string, string?> { ["Worker:Animations:RecheckSeconds"] = "15" });
        var card = await worker.CompletedCardAsync();

        await worker.Messages.ProcessAsync(await worker.RequestAnimationAsync(card), CancellationToken.None);

        // Neither visible nor leased: the queue holds it back for 15 s; nothing of this process waits for the video.
        Assert.Equal(new QueueDepth(0, 0), await worker.Queues.Jobs.GetDepthAsync());
        Assert.Empty(await worker.WaitingMessagesAsync());
        Assert.Equal(TimeSpan.FromSeconds(15), worker.Services.GetServices<IJobHandler>().OfType<AnimationJobHandler>().Single().Recheck);
        Assert.Equal(0, worker.Services.GetRequiredService<ResilientVideoModel>().CallsInFlight);
    }

    [Fact]
    public async Task A_running_video_gets_another_re_check_and_no_second_start()
    {
        var card = await _worker.ProcessingAnimationAsync();

        var outcome = await ProcessAsync(await _worker.SendCheckAsync(card.CorrelationId));

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal(0, _worker.VideoModel.Starts);
        Assert.Equal(1, _worker.VideoModel.StatusReads);
        Assert.Single(await _worker.WaitingMessagesAsync());
        Assert.Equal(CardAnimationStatus.Processing, (await _worker.AnimationAsync(card.CorrelationId)).Status);
    }

    [Fact]
    public async Task A_local_video_is_copied_into_the_blob_store_and_the_animation_completed_and_announced()
    {
        var card = await _worker.ProcessingAnimationAsync();
        var file = Path.Combine(Path.GetTempPath(), $"snapmagic-video-{Guid.NewGuid():N}.webp");
        byte[] webp = [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4];
        await File.WriteAllBytesAsync(file, webp);
        _worker.VideoModel.Then(new AnimationStatus.Completed(file, "image/webp"));
        try
        {
            var outcome = await ProcessAsync(await _worker.SendCheckAsync(card.CorrelationId));

            Assert.Equal(JobOutcome.Completed, outcome);
            var animation = await _worker.AnimationAsync(card.CorrelationId);
            Assert.Equal(CardAnimationStatus.Completed, animation.Status);
            Assert.Equal(CardAnimation.VideoKeyFor(card.SessionId, card.CorrelationId, "webp"), animation.VideoKey);
            Assert.Equal("image/webp", animation.VideoContentType);
            await using var stored = await _worker.Images.OpenReadAsync(animation.VideoKey!);
            using var copy = new MemoryStream();
            await stored!.CopyToAsync(copy);
            Assert.Equal(webp, copy.ToArray());
            Assert.Equal([(card.CorrelationId, CardAnimationStatus.Completed)], _worker.Notifier.AnimationNotices);
            Assert.Empty(await _worker.WaitingMessagesAsync()); // no more checks
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("s3://event-bucket/animations/{0}/abc123/output.mp4", "completed")]
    [InlineData("s3://someone-elses-bucket/animations/{0}/abc123/output.mp4", "failed")]
    public async Task A_Bedrock_video_in_the_events_bucket_is_stored_by_its_key_and_one_elsewhere_fails(string location, string expected)
    {
        await using var worker = AnimationHarness.Create(new Dictionary<string, string?>
        {
            ["VideoModel:Provider"] = "Bedrock",
            ["VideoModel:Bedrock:OutputBucket"] = "event-bucket",
        });
        var card = await worker.ProcessingAnimationAsync();
        var uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, location, card.CorrelationId);
        worker.VideoModel.Then(new AnimationStatus.Completed(uri, "video/mp4"));

        await worker.Messages.ProcessAsync(await worker.SendCheckAsync(card.CorrelationId), CancellationToken.None);

        var animation = await worker.AnimationAsync(card.CorrelationId);
        Assert.Equal(expected, animation.Status.ToWireName());
        if (expected == "completed")
            Assert.Equal(($"animations/{card.CorrelationId}/abc123/output.mp4", "video/mp4"), (animation.VideoKey, animation.VideoContentType));
        else
            Assert.Equal(AnimationJobHandler.OutsideBucketMessage, animation.Error);
    }

    [Fact]
    public void Re_checks_default_to_15_s_for_Bedrock_and_1_s_locally_and_a_setting_wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), new AnimationOptions().Recheck(localModel: false));
        Assert.Equal(TimeSpan.FromSeconds(1), new AnimationOptions().Recheck(localModel: true));
        Assert.Equal(TimeSpan.FromSeconds(5), new AnimationOptions { RecheckSeconds = 5 }.Recheck(localModel: false));
        Assert.Equal(TimeSpan.FromMinutes(15), new AnimationOptions { RecheckSeconds = 10_000 }.Recheck(localModel: false)); // SQS's longest delay
        Assert.Equal(TimeSpan.FromMinutes(30), new AnimationOptions().MaxDuration);
    }

    [Fact]
    public async Task A_failed_video_fails_the_animation_with_the_models_readable_reason()
    {
        var card = await _worker.ProcessingAnimationAsync();
        _worker.VideoModel.Then(new AnimationStatus.Failed("The animation was blocked by the content filter.", "Luma Ray 2 failed: blocked"));

        var outcome = await ProcessAsync(await _worker.SendCheckAsync(card.CorrelationId));

        Assert.Equal(JobOutcome.Failed, outcome);
        var animation = await _worker.AnimationAsync(card.CorrelationId);
        Assert.Equal((CardAnimationStatus.Failed, "The animation was blocked by the content filter."), (animation.Status, animation.Error));
        Assert.Equal([(card.CorrelationId, CardAnimationStatus.Failed)], _worker.Notifier.AnimationNotices);
        Assert.Empty(await _worker.WaitingMessagesAsync());
    }

    [Fact]
    public async Task A_redelivered_start_whose_first_try_died_after_starting_the_video_starts_no_second_video()
    {
        var card = await _worker.CompletedCardAsync();
        var start = await _worker.RequestAnimationAsync(card);
        _worker.Faults.Fail("store.TryStartAnimationAsync"); // the first try dies between the model's start and the store

        Assert.Equal(JobOutcome.Released, await ProcessAsync(start));
        Assert.Equal(JobOutcome.Completed, await ProcessAsync(await _worker.RedeliverAsync(start)));

        Assert.Equal(2, _worker.VideoModel.Starts); // asked twice with the same correlation id (Bedrock's token) ...
        Assert.Equal(1, _worker.VideoModel.Videos); // ... so one video
        Assert.Equal(ScriptedVideoModel.HandleOf(card.CorrelationId).Id, (await _worker.AnimationAsync(card.CorrelationId)).InvocationId);
    }

    [Fact]
    public async Task A_start_message_delivered_again_after_the_start_only_checks_on_the_video()
    {
        var card = await _worker.CompletedCardAsync();
        var start = await _worker.RequestAnimationAsync(card);
        _worker.Faults.Fail("jobs.DeleteAsync"); // the start's delete fails: the message comes back

        await ProcessAsync(start);
        var recheck = Assert.Single(await _worker.WaitingMessagesAsync());
        await _worker.Queues.Jobs.DeleteAsync(recheck.ReceiptHandle);
        await ProcessAsync(await _worker.RedeliverAsync(start));

        Assert.Equal(1, _worker.VideoModel.Starts);
        Assert.Equal(1, _worker.VideoModel.StatusReads);
    }

    [Fact]
    public async Task A_card_without_an_animation_or_with_a_finished_one_is_left_alone_and_nothing_is_sent()
    {
        var plain = await _worker.CompletedCardAsync();
        var finished = await _worker.ProcessingAnimationAsync();
        await _worker.Store.TryFailAnimationAsync(finished.CorrelationId, "earlier failure", DateTimeOffset.UtcNow);

        Assert.Equal(JobOutcome.AlreadyFinished, await ProcessAsync(await _worker.SendCheckAsync(plain.CorrelationId)));
        Assert.Equal(JobOutcome.AlreadyFinished, await ProcessAsync(await _worker.SendCheckAsync(finished.CorrelationId)));

        Assert.Equal((0, 0), (_worker.VideoModel.Starts, _worker.VideoModel.StatusReads));
        Assert.Empty(await _worker.WaitingMessagesAsync());
        Assert.Empty(_worker.Notifier.AnimationNotices);
    }

    [Fact]
    public async Task A_duplicated_chain_of_checks_ends_with_the_animation()
    {
        // A check's delete failed after its successor was sent: two chains of checks for one video.
        var card = await _worker.ProcessingAnimationAsync();
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(card.CorrelationId).ToJson()));
        await _worker.Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(card.CorrelationId).ToJson()));
        var file = Path.Combine(Path.GetTempPath(), $"snapmagic-video-{Guid.NewGuid():N}.webp");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        _worker.VideoModel.Then(AnimationStatus.InProgress, AnimationStatus.InProgress, new AnimationStatus.Completed(file, "image/webp"));
        try
        {
            var outcomes = new List<JobOutcome>();
            for (var round = 0; round < 10 && await _worker.WaitingMessagesAsync() is { Count: > 0 } waiting; round++)
                foreach (var message in waiting)
                    outcomes.Add(await ProcessAsync(message));

            // Two checks in progress (each sends one), then one completes it and the other finds it finished: no more checks.
            Assert.Equal([JobOutcome.Completed, JobOutcome.Completed, JobOutcome.Completed, JobOutcome.AlreadyFinished], outcomes);
            Assert.Equal(3, _worker.VideoModel.StatusReads);
            Assert.Equal(new QueueDepth(0, 0), await _worker.Queues.Jobs.GetDepthAsync());
            Assert.Equal([CardAnimationStatus.Completed], _worker.Notifier.AnimationNotices.Select(n => n.Status));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_video_past_its_deadline_fails_with_a_readable_reason_without_asking_the_model()
    {
        var card = await _worker.ProcessingAnimationAsync(startedAgo: TimeSpan.FromMinutes(31));

        var outcome = await ProcessAsync(await _worker.SendCheckAsync(card.CorrelationId));

        Assert.Equal(JobOutcome.Failed, outcome);
        var animation = await _worker.AnimationAsync(card.CorrelationId);
        Assert.Equal((CardAnimationStatus.Failed, AnimationFailures.TooLongMessage), (animation.Status, animation.Error));
        Assert.Equal(0, _worker.VideoModel.StatusReads);
        Assert.Empty(await _worker.WaitingMessagesAsync());
    }

    [Fact]
    public async Task A_refused_start_fails_the_animation_with_the_models_readable_reason()
    {
        var card = await _worker.CompletedCardAsync();
        _worker.VideoModel.FailStart(ScriptedVideoModel.Refused);

        var outcome = await ProcessAsync(await _worker.RequestAnimationAsync(card));

        Assert.Equal(JobOutcome.Failed, outcome);
        var animation = await _worker.AnimationAsync(card.CorrelationId);
        Assert.Equal((CardAnimationStatus.Failed, VideoModelException.RefusedMessage), (animation.Status, animation.Error));
        Assert.Equal([(card.CorrelationId, CardAnimationStatus.Failed)], _worker.Notifier.AnimationNotices);
    }

    [Fact]
    public async Task A_throttled_start_is_retried_later_and_the_last_allowed_try_fails_it_with_a_readable_reason()
    {
        var card = await _worker.CompletedCardAsync();
        _worker.VideoModel.FailStart(ScriptedVideoModel.Throttled, ScriptedVideoModel.Throttled, ScriptedVideoModel.Throttled);
        var start = await _worker.RequestAnimationAsync(card);

        Assert.Equal(JobOutcome.Released, await ProcessAsync(start));
        Assert.Equal(CardAnimationStatus.Queued, (await _worker.AnimationAsync(card.CorrelationId)).Status);
        Assert.Equal(JobOutcome.Released, await ProcessAsync(start = await _worker.RedeliverAsync(start)));
        Assert.Equal(JobOutcome.Failed, await ProcessAsync(await _worker.RedeliverAsync(start))); // Queue:MaxReceiveCount is 3

        var animation = await _worker.AnimationAsync(card.CorrelationId);
        Assert.Equal((CardAnimationStatus.Failed, AnimationFailures.BusyMessage), (animation.Status, animation.Error));
        Assert.Equal(0, _worker.VideoModel.Videos);
    }

    [Fact]
    public async Task While_the_video_models_circuit_is_open_an_animation_is_retried_after_the_break_without_a_model_call()
    {
        await using var worker = AnimationHarness.Create(new Dictionary<string, string?>
        {
            ["Worker:Animations:BreakerMinimumThroughput"] = "2",
            ["Worker:Animations:BreakerBreakSeconds"] = "60",
        });
        worker.VideoModel.FailStart(ScriptedVideoModel.Throttled, ScriptedVideoModel.Throttled);
        var first = await worker.CompletedCardAsync();
        var second = await worker.CompletedCardAsync();
        await worker.Messages.ProcessAsync(await worker.RequestAnimationAsync(first), CancellationToken.None);
        await worker.Messages.ProcessAsync(await worker.RequestAnimationAsync(second), CancellationToken.None);
        var startsBefore = worker.VideoModel.Starts;
        var third = await worker.CompletedCardAsync();

        var outcome = await worker.Messages.ProcessAsync(await worker.RequestAnimationAsync(third), CancellationToken.None);

        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal(startsBefore, worker.VideoModel.Starts);
        var breaker = worker.Services.GetRequiredService<ResilientVideoModel>().Breaker;
        Assert.InRange(breaker.RemainingBreak, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        // The card role's own breaker is another one: cards keep flowing.
        Assert.Equal(Polly.CircuitBreaker.CircuitState.Closed, worker.Services.GetRequiredService<SnapMagic.Worker.Resilience.ModelBreaker>().State);
        Assert.Equal(CardAnimationStatus.Queued, (await worker.AnimationAsync(third.CorrelationId)).Status);
    }

    [Fact]
    public async Task A_transient_status_read_failure_is_retried_later_and_sends_no_extra_check()
    {
        var card = await _worker.ProcessingAnimationAsync();
        _worker.VideoModel.ThenThrow(ScriptedVideoModel.Throttled);
        var check = await _worker.SendCheckAsync(card.CorrelationId);

        Assert.Equal(JobOutcome.Released, await ProcessAsync(check));
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.Jobs.GetDepthAsync()); // only the released check
        Assert.Equal(JobOutcome.Completed, await ProcessAsync(await _worker.RedeliverAsync(check)));
        Assert.Single(await _worker.WaitingMessagesAsync());
    }

    [Fact]
    public async Task A_dead_lettered_animation_message_fails_the_animation_and_is_announced()
    {
        var card = await _worker.ProcessingAnimationAsync();
        await _worker.Queues.DeadLetters.SendAsync(new OutgoingMessage(JobMessage.Animation(card.CorrelationId).ToJson()));

        await _worker.CreateSweeper().SweepAsync(await _worker.ReceiveAsync(_worker.Queues.DeadLetters), CancellationToken.None);

        var stored = (await _worker.Store.GetAsync(card.CorrelationId))!;
        Assert.Equal(CardStatus.Completed, stored.Status); // the card itself stays completed
        Assert.Equal((CardAnimationStatus.Failed, AnimationFailures.DeadLetteredMessage), (stored.Animation!.Status, stored.Animation.Error));
        Assert.Equal([(card.CorrelationId, CardAnimationStatus.Failed)], _worker.Notifier.AnimationNotices);
        Assert.Equal(new QueueDepth(0, 1), await _worker.Queues.DeadLetters.GetDepthAsync()); // kept for operators
    }

    public ValueTask DisposeAsync() => _worker.DisposeAsync();
}
