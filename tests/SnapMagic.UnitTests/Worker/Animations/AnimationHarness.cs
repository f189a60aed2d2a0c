using SnapMagic.Cards;
using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Worker.Animations;

/// <summary>
/// The worker's wiring (<see cref="WorkerHarness"/>) with a completed card to animate: its PNG stored, its animation
/// requested as the Api does (store, then an animation message), and re-checks sent with no delay unless a test says so.
/// </summary>
internal static class AnimationHarness
{
    public static WorkerHarness Create(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Worker:Animations:RecheckSeconds"] = "0",
            ["Worker:Animations:MaxRetries"] = "0",
            ["Worker:Animations:RetryBaseDelayMs"] = "0",
            ["Worker:Animations:BreakerMinimumThroughput"] = "100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new WorkerHarness(all);
    }

    /// <summary>A card completed with <see cref="ScriptedImageModel.Png"/> as its picture (its card message already settled).</summary>
    public static async Task<CardJob> CompletedCardAsync(this WorkerHarness worker)
    {
        var job = await worker.SubmitAsync();
        var cardMessage = await worker.ReceiveAsync();
        await worker.Queues.Jobs.DeleteAsync(cardMessage.ReceiptHandle);
        var key = CardJob.ImageKeyFor(job.SessionId, job.CorrelationId);
        await worker.Store.TryStartAsync(job.CorrelationId, DateTimeOffset.UtcNow);
        await worker.Images.SaveAsync(key, ScriptedImageModel.Png);
        return (await worker.Store.TryCompleteAsync(job.CorrelationId, key, DateTimeOffset.UtcNow))!;
    }

    /// <summary>Asks for the card's animation as the Api does and receives its message.</summary>
    public static async Task<QueueMessage> RequestAnimationAsync(this WorkerHarness worker, CardJob card)
    {
        Assert.NotNull(await worker.Store.TryRequestAnimationAsync(card.CorrelationId, DateTimeOffset.UtcNow));
        await worker.Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(card.CorrelationId).ToJson(),
            new Dictionary<string, string> { [MessageAttributes.CorrelationId] = card.CorrelationId }));
        return await worker.ReceiveAsync();
    }

    /// <summary>An animation already started <paramref name="startedAgo"/> ago with the scripted model's handle.</summary>
    public static async Task<CardJob> ProcessingAnimationAsync(this WorkerHarness worker, TimeSpan startedAgo = default)
    {
        var card = await worker.CompletedCardAsync();
        Assert.NotNull(await worker.Store.TryRequestAnimationAsync(card.CorrelationId, DateTimeOffset.UtcNow - startedAgo));
        return (await worker.Store.TryStartAnimationAsync(card.CorrelationId, ScriptedVideoModel.HandleOf(card.CorrelationId).Id,
            DateTimeOffset.UtcNow - startedAgo))!;
    }

    /// <summary>Sends a check on the card's animation, as a re-check (or a duplicate of one) would arrive, and receives it.</summary>
    public static async Task<QueueMessage> SendCheckAsync(this WorkerHarness worker, string correlationId)
    {
        await worker.Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(correlationId).ToJson()));
        return await worker.ReceiveAsync();
    }

    public static async Task<CardAnimation> AnimationAsync(this WorkerHarness worker, string correlationId) =>
        (await worker.Store.GetAsync(correlationId))!.Animation!;

    /// <summary>Messages waiting on the job queue (a delayed re-check is not among them until its delay is over).</summary>
    public static async Task<IReadOnlyList<QueueMessage>> WaitingMessagesAsync(this WorkerHarness worker) =>
        await worker.Queues.Jobs.ReceiveAsync(IMessageQueue.MaxMessagesPerReceive, TimeSpan.Zero);
}
