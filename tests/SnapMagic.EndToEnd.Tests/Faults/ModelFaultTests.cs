using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// Bedrock misbehaving, played by the fake Bedrock in the test process that the workers call over HTTP: a long
/// outage that opens the circuit breaker, and a slow answer that the per-attempt timeout cuts short, each with the
/// breaker and timeout settings it needs (bursts of 429/503 run on a shared system: <see cref="ModelBurstTests"/>).
/// </summary>
public sealed class ModelFaultTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_long_outage_opens_the_breaker_dead_letters_nothing_and_every_card_completes_after_recovery()
    {
        await using var bedrock = await FakeBedrockServer.StartAsync();
        bedrock.DefaultReply = FakeBedrockReply.Unavailable;
        await using var system = await FaultSystem.StartAsync(workers: 1, new Dictionary<string, string>(FaultSystem.BedrockModel(bedrock))
        {
            ["ImageModel__MaxRetries"] = "1",
            ["ImageModel__RetryBaseDelayMs"] = "50",
            ["ImageModel__BreakerMinimumThroughput"] = "2",
            ["ImageModel__BreakerFailureRatio"] = "0.5",
            ["ImageModel__BreakerSamplingSeconds"] = "30",
            ["ImageModel__BreakerBreakSeconds"] = "1",
            ["Queue__MaxReceiveCount"] = "5",
        });
        await using var attendee = await Attendee.LogInAsync(system);
        var cards = await attendee.SubmitAsync(4);

        // The outage lasts until the breaker has opened three times: the first failures, then two failed trial calls.
        await system.WaitUntilAsync(() => system.WorkerLines("circuit breaker opened").Count >= 3, "the breaker to open three times", Deadline);
        var outageRequests = bedrock.RequestCount;
        using (var queues = system.OpenQueues())
            Assert.Equal(new(0, 0), await queues.DeadLetters.GetDepthAsync());
        foreach (var id in cards)
            Assert.NotEqual("failed", attendee.KnownStatus(id));

        bedrock.DefaultReply = FakeBedrockReply.Success;
        await attendee.WaitAllCompletedAsync(cards, Deadline);
        await system.WaitForJobQueueEmptyAsync(Deadline);
        await attendee.SyncAsync();

        using (var queues = system.OpenQueues())
            Assert.Equal(new(0, 0), await queues.DeadLetters.GetDepthAsync());
        foreach (var id in cards)
        {
            Assert.Equal(0, attendee.PushCount(id, "failed"));
            Assert.Equal(1, attendee.PushCount(id, "completed"));
        }
        // Without the breaker every card would have spent all its receives, each with every retry, on the dead model.
        const int withoutBreaker = 4 * 5 * 2;
        Assert.True(outageRequests < withoutBreaker / 2, $"{outageRequests} calls reached the dead model during the outage.");
        Assert.NotEmpty(await system.WaitForWorkerLinesAsync("circuit breaker closed", 1, Deadline));
        Assert.Empty(system.WorkerLines("dead-letter"));
    }

    [Fact]
    public async Task A_slow_answer_times_the_attempt_out_and_the_retry_completes_the_card()
    {
        await using var bedrock = await FakeBedrockServer.StartAsync();
        bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromSeconds(30)));
        await using var system = await FaultSystem.StartAsync(workers: 1, new Dictionary<string, string>(FaultSystem.BedrockModel(bedrock))
        {
            // Short, yet with room for a normal call (the fake checks and paints a full-size PNG) on a busy CI machine.
            ["ImageModel__AttemptTimeoutSeconds"] = "3",
            ["ImageModel__MaxRetries"] = "3",
            ["ImageModel__RetryBaseDelayMs"] = "50",
        });
        await using var attendee = await Attendee.LogInAsync(system);

        var card = await attendee.SubmitAsync("a glacier that answers slowly");
        await attendee.WaitAllCompletedAsync([card], Deadline);

        // Had the first attempt not timed out, its slow answer (a success after 30 s) would have been the only call.
        Assert.True(bedrock.RequestCount >= 2, $"Only {bedrock.RequestCount} call reached the model.");
        Assert.Contains(await system.WaitForWorkerLinesAsync("failed with a transient error; retrying", 1, Deadline), l => l.Contains("attempt 1", StringComparison.Ordinal));
        Assert.NotEmpty(await system.WaitForWorkerLinesAsync("TimeoutRejectedException", 1, Deadline));
        await attendee.SyncAsync();
        Assert.Equal(1, attendee.PushCount(card, "completed"));
    }
}
