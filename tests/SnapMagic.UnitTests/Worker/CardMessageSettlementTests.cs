using SnapMagic.Worker.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Worker.Cards;

namespace SnapMagic.UnitTests.Worker;

/// <summary>How <see cref="JobMessageManager"/> settles a message from the handler's result: delete, release or dead-letter.</summary>
public sealed class CardMessageSettlementTests
{
    private const int MaxReceiveCount = 5;

    private readonly ScriptedCardQueues _queues = new();
    private readonly FakeTimeProvider _time = new();

    private JobMessageManager Manager(IJobHandler handler) => new(_queues, [handler],
        Options.Create(new QueueOptions { VisibilityTimeoutSeconds = 30, MaxReceiveCount = MaxReceiveCount }), _time,
        NullLogger<JobMessageManager>.Instance);

    private QueueMessage NewCardMessage(int receiveCount = 1) => _queues.ScriptedJobs.NewMessage(
        JobMessage.Card(CorrelationIds.New()).ToJson(), receiveCount, new Dictionary<string, string> { ["origin"] = "test" });

    [Theory]
    [InlineData(JobResolution.Completed, JobOutcome.Completed)]
    [InlineData(JobResolution.Failed, JobOutcome.Failed)]
    [InlineData(JobResolution.AlreadyFinished, JobOutcome.AlreadyFinished)]
    public async Task A_card_with_a_final_status_has_its_message_deleted(JobResolution resolution, JobOutcome expected)
    {
        var message = NewCardMessage();

        var outcome = await Manager(new ScriptedCardJobHandler(new JobResult(resolution))).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(expected, outcome);
        Assert.Equal([message.ReceiptHandle], _queues.ScriptedJobs.Deleted);
        Assert.Empty(_queues.ScriptedJobs.VisibilityChanges);
        Assert.Empty(_queues.ScriptedDeadLetters.Sent);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    public async Task A_retry_releases_the_message_for_longer_on_each_receive_up_to_the_visibility_timeout(int receiveCount, int seconds)
    {
        var message = NewCardMessage(receiveCount);

        var outcome = await Manager(new ScriptedCardJobHandler(JobResult.RetryLater())).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal([(message.ReceiptHandle, TimeSpan.FromSeconds(seconds))], _queues.ScriptedJobs.VisibilityChanges);
        Assert.Empty(_queues.ScriptedJobs.Deleted);
    }

    [Fact]
    public async Task A_retry_at_a_time_the_handler_names_releases_the_message_for_that_long()
    {
        var message = NewCardMessage();

        await Manager(new ScriptedCardJobHandler(JobResult.RetryLater(TimeSpan.FromSeconds(42)))).ProcessAsync(message, CancellationToken.None);

        Assert.Equal([(message.ReceiptHandle, TimeSpan.FromSeconds(42))], _queues.ScriptedJobs.VisibilityChanges);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(MaxReceiveCount - 1, false)]
    [InlineData(MaxReceiveCount, true)]
    [InlineData(MaxReceiveCount + 1, true)]
    public async Task The_handler_is_told_the_try_number_and_whether_it_is_the_last(int receiveCount, bool isLast)
    {
        var handler = new ScriptedCardJobHandler(JobResult.Completed);
        var message = NewCardMessage(receiveCount);

        await Manager(handler).ProcessAsync(message, CancellationToken.None);

        var attempt = Assert.Single(handler.Attempts);
        Assert.Equal(new JobAttempt(JobMessage.TryParse(message.Body)!.CorrelationId, receiveCount, isLast), attempt);
    }

    [Fact]
    public async Task An_unprocessable_card_is_copied_to_the_dead_letter_queue_then_deleted()
    {
        var message = NewCardMessage();

        var outcome = await Manager(new ScriptedCardJobHandler(JobResult.Unprocessable)).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(JobOutcome.DeadLettered, outcome);
        var dead = Assert.Single(_queues.ScriptedDeadLetters.Sent);
        Assert.Equal(message.Body, dead.Body);
        Assert.Equal("test", dead.Attributes!["origin"]);
        Assert.Equal([message.ReceiptHandle], _queues.ScriptedJobs.Deleted);
    }

    [Fact]
    public async Task A_job_of_a_kind_no_handler_here_does_is_dead_lettered_without_calling_the_card_handler()
    {
        var message = _queues.ScriptedJobs.NewMessage(JobMessage.Animation(CorrelationIds.New()).ToJson(), 1, new Dictionary<string, string>());
        var handler = new ScriptedCardJobHandler(JobResult.Completed);

        var outcome = await Manager(handler).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(JobOutcome.DeadLettered, outcome);
        Assert.Empty(handler.Attempts);
        Assert.Equal(message.Body, Assert.Single(_queues.ScriptedDeadLetters.Sent).Body);
    }

    [Fact]
    public async Task A_message_that_is_not_a_card_job_is_dead_lettered_without_calling_the_handler()
    {
        var handler = new ScriptedCardJobHandler(JobResult.Completed);
        var message = _queues.ScriptedJobs.NewMessage("not json");

        Assert.Equal(JobOutcome.DeadLettered, await Manager(handler).ProcessAsync(message, CancellationToken.None));

        Assert.Empty(handler.Attempts);
        Assert.Equal("not json", Assert.Single(_queues.ScriptedDeadLetters.Sent).Body);
        Assert.Equal([message.ReceiptHandle], _queues.ScriptedJobs.Deleted);
    }

    [Fact]
    public async Task A_failed_dead_letter_send_releases_the_message_instead_of_deleting_it()
    {
        _queues.ScriptedDeadLetters.Faults.Fail("queue.SendAsync");
        var message = NewCardMessage(receiveCount: 2);

        var outcome = await Manager(new ScriptedCardJobHandler(JobResult.Unprocessable)).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Empty(_queues.ScriptedJobs.Deleted);
        Assert.Equal([(message.ReceiptHandle, TimeSpan.FromSeconds(4))], _queues.ScriptedJobs.VisibilityChanges);
    }

    [Fact]
    public async Task A_handler_that_throws_has_its_message_released_for_a_later_try()
    {
        var message = NewCardMessage();

        var outcome = await Manager(new ScriptedCardJobHandler((_, _) => throw new IOException("the store is down"))).ProcessAsync(message, CancellationToken.None);

        Assert.Equal(JobOutcome.Released, outcome);
        Assert.Equal([(message.ReceiptHandle, TimeSpan.FromSeconds(2))], _queues.ScriptedJobs.VisibilityChanges);
        Assert.Empty(_queues.ScriptedJobs.Deleted);
    }

    [Fact]
    public async Task A_cancelled_card_has_its_message_released_at_once_and_the_cancellation_goes_on()
    {
        using var cancellation = new CancellationTokenSource();
        var message = NewCardMessage();
        var handler = new ScriptedCardJobHandler(async (_, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return JobResult.Completed;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Manager(handler).ProcessAsync(message, cancellation.Token));

        Assert.Equal([(message.ReceiptHandle, TimeSpan.Zero)], _queues.ScriptedJobs.VisibilityChanges);
        Assert.Empty(_queues.ScriptedJobs.Deleted);
    }

    [Fact]
    public async Task A_failed_delete_is_not_the_cards_failure()
    {
        _queues.ScriptedJobs.Faults.Fail("queue.DeleteAsync");

        var outcome = await Manager(new ScriptedCardJobHandler(JobResult.Completed)).ProcessAsync(NewCardMessage(), CancellationToken.None);

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal(1, _queues.ScriptedJobs.Faults.Calls("queue.DeleteAsync"));
        // Neither released nor dead-lettered: the message comes back when its lease runs out and is then deleted.
        Assert.Empty(_queues.ScriptedJobs.VisibilityChanges);
        Assert.Empty(_queues.ScriptedDeadLetters.Sent);
    }

    [Fact]
    public async Task The_lease_is_extended_while_the_handler_works()
    {
        var message = NewCardMessage();
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource<JobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = Manager(new ScriptedCardJobHandler((_, _) =>
        {
            working.SetResult();
            return finish.Task;
        })).ProcessAsync(message, CancellationToken.None);
        await working.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // The heartbeat beats every third of the 30 s visibility timeout.
        _time.Advance(TimeSpan.FromSeconds(10));
        await _queues.ScriptedJobs.NextVisibilityChangeAsync();
        finish.SetResult(JobResult.Completed);
        await processing;

        Assert.Equal([(message.ReceiptHandle, TimeSpan.FromSeconds(30))], _queues.ScriptedJobs.VisibilityChanges);
        Assert.Equal([message.ReceiptHandle], _queues.ScriptedJobs.Deleted);
    }
}
