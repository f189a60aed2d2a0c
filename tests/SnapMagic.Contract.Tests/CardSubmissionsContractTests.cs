using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests;

/// <summary>
/// What every <see cref="ICardSubmissions"/> must do: a submitted card is a queued job and a receivable message with
/// its attributes; a repeated idempotency key answers the earlier job and queues nothing. A backend runs it by
/// subclassing and building the three ports on fresh storage in <see cref="CreateBackendAsync"/>.
/// </summary>
public abstract class CardSubmissionsContractTests : IAsyncLifetime
{
    protected sealed record Backend(ICardSubmissions Submissions, IJobStore Store, ICardQueues Queues);

    protected abstract Task<Backend> CreateBackendAsync(QueueOptions options);

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<Backend> CreateBackendAsync()
    {
        var name = $"submit-{Guid.NewGuid():N}"[..24];
        return CreateBackendAsync(new QueueOptions { Name = name, DeadLetterName = $"{name}-dlq", WaitTimeSeconds = 1 });
    }

    protected static CardJob NewJob(string? idempotencyKey = null) => new()
    {
        CorrelationId = CorrelationIds.New(),
        SessionId = $"session-{Guid.NewGuid():N}",
        Prompt = "a lighthouse made of circuit boards",
        Status = CardStatus.Queued,
        CreatedAt = DateTimeOffset.UtcNow,
        IdempotencyKey = idempotencyKey,
    };

    protected static Dictionary<string, string> AttributesOf(CardJob job) => new()
    {
        [MessageAttributes.CorrelationId] = job.CorrelationId,
        [MessageAttributes.TraceParent] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    [Fact]
    public async Task An_accepted_card_is_a_queued_job_and_a_receivable_message_with_its_attributes()
    {
        var backend = await CreateBackendAsync();
        var job = NewJob();

        var submission = await backend.Submissions.SubmitAsync(job, AttributesOf(job));

        Assert.Equal(CardSubmissionOutcome.Queued, submission.Outcome);
        Assert.Equal(job.CorrelationId, submission.Job.CorrelationId);
        Assert.Equal(CardStatus.Queued, (await backend.Store.GetAsync(job.CorrelationId))?.Status);
        var message = Assert.Single(await backend.Queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(5)));
        Assert.Equal(job.CorrelationId, JobMessage.TryParse(message.Body)?.CorrelationId);
        Assert.Equal(AttributesOf(job).OrderBy(a => a.Key), message.Attributes.OrderBy(a => a.Key));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_answers_the_earlier_job_and_queues_nothing_more()
    {
        var backend = await CreateBackendAsync();
        var first = NewJob("key-1");
        var again = NewJob("key-1") with { SessionId = first.SessionId };

        await backend.Submissions.SubmitAsync(first, AttributesOf(first));
        var replay = await backend.Submissions.SubmitAsync(again, AttributesOf(again));

        Assert.Equal(CardSubmissionOutcome.Replayed, replay.Outcome);
        Assert.Equal(first.CorrelationId, replay.Job.CorrelationId);
        Assert.Null(await backend.Store.GetAsync(again.CorrelationId));
        var message = Assert.Single(await backend.Queues.Jobs.ReceiveAsync(10, TimeSpan.FromSeconds(5)));
        Assert.Equal(first.CorrelationId, JobMessage.TryParse(message.Body)?.CorrelationId);
        Assert.Empty(await backend.Queues.Jobs.ReceiveAsync(10, TimeSpan.Zero));
    }
}
