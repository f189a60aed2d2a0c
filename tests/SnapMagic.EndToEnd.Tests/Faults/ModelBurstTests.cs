using SnapMagic.EndToEnd.Tests.Browser;
using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// Bursts of 429 and 503 from Bedrock (the fake the workers call) are retried: no process is hurt, so this runs on the
/// failing-model system the page tests share, and counts only its own cards' requests.
/// </summary>
[Collection(FailingModelBrowserCollection.Name)]
public sealed class ModelBurstTests(FailingModelBrowserSystem failing)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string Prompt = "a dragon that outlasts a burst of throttling";

    [Fact]
    public async Task Bursts_of_429_and_503_are_retried_and_every_card_completes()
    {
        var (system, bedrock) = (failing.System, failing.Bedrock);
        var retriesBefore = system.WorkerLines(RetryLine).Count;
        var failures = new[] { FakeBedrockReply.Throttled, FakeBedrockReply.Unavailable, FakeBedrockReply.Throttled, FakeBedrockReply.Unavailable };
        bedrock.Enqueue(failures);
        await using var attendee = await Attendee.LogInAsync(system);

        var cards = await attendee.SubmitAsync(3, Prompt);
        await attendee.WaitAllCompletedAsync(cards, Deadline);
        await system.WaitForJobQueueEmptyAsync(Deadline);
        await attendee.SyncAsync();

        // Each failed answer was retried (a warning per retry) and each card needed exactly one success.
        Assert.Equal(failures.Length + cards.Count, bedrock.Requests.Count(r => r.Text?.Contains(Prompt, StringComparison.Ordinal) == true));
        await system.WaitForWorkerLinesAsync(RetryLine, retriesBefore + failures.Length, Deadline);
        Assert.Empty(bedrock.ValidationFailures);
        foreach (var id in cards)
            Assert.Equal(1, attendee.PushCount(id, "completed"));
        Assert.Equal(cards.Select(attendee.ImageFileOf).Order(), system.ImageFiles(attendee.SessionId));
    }

    private const string RetryLine = "failed with a transient error; retrying";
}
