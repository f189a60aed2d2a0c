using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests;

/// <summary>
/// What every <see cref="IJobStore"/> must do. A backend runs it by subclassing and building a fresh store in
/// <see cref="CreateStoreAsync"/>. Timestamps are whole milliseconds so every backend can keep them exactly.
/// </summary>
public abstract partial class JobStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Builds a job store that nothing else writes to.</summary>
    protected abstract Task<IJobStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<CardStatus, CardStatus> EveryMove()
    {
        var moves = new TheoryData<CardStatus, CardStatus>();
        // Queued is never a target: no store method moves a card back to queued.
        foreach (var from in Enum.GetValues<CardStatus>())
            foreach (var to in new[] { CardStatus.Processing, CardStatus.Completed, CardStatus.Failed })
                moves.Add(from, to);
        return moves;
    }

    [Fact]
    public async Task A_created_job_reads_back_as_it_was_written()
    {
        var store = await CreateStoreAsync();
        var job = NewJob(NewSession(), T0, idempotencyKey: "key-1");

        var (stored, created) = await store.CreateAsync(job);

        Assert.True(created);
        Assert.Equal(job, stored);
        Assert.Equal(job, await store.GetAsync(job.CorrelationId));
    }

    [Fact]
    public async Task An_unknown_id_reads_as_null_and_cannot_move()
    {
        var store = await CreateStoreAsync();
        var unknown = CorrelationIds.New();

        Assert.Null(await store.GetAsync(unknown));
        Assert.Null(await store.TryStartAsync(unknown, T0));
        Assert.Null(await store.TryCompleteAsync(unknown, "cards/x/y.png", T0));
        Assert.Null(await store.TryFailAsync(unknown, "no such card", T0));
        Assert.Null(await store.GetAsync(unknown));
    }

    [Fact]
    public async Task A_session_lists_only_its_own_jobs_newest_first_up_to_the_limit()
    {
        var store = await CreateStoreAsync();
        var session = NewSession();
        var other = NewSession();
        var jobs = new List<CardJob>();
        foreach (var minutes in new[] { 2, 0, 3, 1 })
        {
            var job = NewJob(session, T0.AddMinutes(minutes));
            jobs.Add(job);
            await store.CreateAsync(job);
        }
        await store.CreateAsync(NewJob(other, T0.AddMinutes(10)));

        var listed = await store.ListBySessionAsync(session, 10);
        var limited = await store.ListBySessionAsync(session, 2);

        Assert.Equal(jobs.OrderByDescending(j => j.CreatedAt).Select(j => j.CorrelationId), listed.Select(j => j.CorrelationId));
        Assert.Equal(jobs.OrderByDescending(j => j.CreatedAt).Take(2).Select(j => j.CorrelationId), limited.Select(j => j.CorrelationId));
        Assert.Single(await store.ListBySessionAsync(other, 10));
        Assert.Empty(await store.ListBySessionAsync(NewSession(), 10));
    }

    [Fact]
    public async Task The_same_idempotency_key_in_a_session_returns_the_first_job()
    {
        var store = await CreateStoreAsync();
        var session = NewSession();
        var first = NewJob(session, T0, idempotencyKey: "retry-me");
        await store.CreateAsync(first);

        var (again, created) = await store.CreateAsync(NewJob(session, T0.AddSeconds(1), idempotencyKey: "retry-me"));

        Assert.False(created);
        Assert.Equal(first, again);
        Assert.Single(await store.ListBySessionAsync(session, 10));
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_its_session_and_no_key_means_always_new()
    {
        var store = await CreateStoreAsync();
        var session = NewSession();

        var (_, firstCreated) = await store.CreateAsync(NewJob(session, T0, idempotencyKey: "shared-key"));
        var (_, otherCreated) = await store.CreateAsync(NewJob(NewSession(), T0, idempotencyKey: "shared-key"));
        var (_, plain1) = await store.CreateAsync(NewJob(session, T0.AddSeconds(1)));
        var (_, plain2) = await store.CreateAsync(NewJob(session, T0.AddSeconds(2)));

        Assert.True(firstCreated);
        Assert.True(otherCreated);
        Assert.True(plain1);
        Assert.True(plain2);
        Assert.Equal(3, (await store.ListBySessionAsync(session, 10)).Count);
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public async Task Every_status_change_follows_CanMoveTo(CardStatus from, CardStatus to)
    {
        var store = await CreateStoreAsync();
        var job = await CreateInStatusAsync(store, from);
        var at = T0.AddMinutes(5);

        var moved = to switch
        {
            CardStatus.Processing => await store.TryStartAsync(job.CorrelationId, at),
            CardStatus.Completed => await store.TryCompleteAsync(job.CorrelationId, "cards/moved/image.png", at),
            CardStatus.Failed => await store.TryFailAsync(job.CorrelationId, "The model refused this prompt.", at),
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
        var after = await store.GetAsync(job.CorrelationId);

        if (from.CanMoveTo(to))
        {
            Assert.NotNull(moved);
            Assert.Equal(to, moved.Status);
            Assert.Equal(moved, after);
            switch (to)
            {
                case CardStatus.Processing:
                    Assert.Equal(at, moved.StartedAt);
                    break;
                case CardStatus.Completed:
                    Assert.Equal(at, moved.CompletedAt);
                    Assert.Equal("cards/moved/image.png", moved.ImageKey);
                    break;
                case CardStatus.Failed:
                    Assert.Equal(at, moved.CompletedAt);
                    Assert.Equal("The model refused this prompt.", moved.Error);
                    break;
            }
            Assert.Equal(job.Prompt, moved.Prompt);
            Assert.Equal(job.SessionId, moved.SessionId);
            Assert.Equal(job.CreatedAt, moved.CreatedAt);
        }
        else
        {
            Assert.Null(moved);
            Assert.Equal(job, after);
        }
    }

    [Fact]
    public async Task A_completed_card_is_never_turned_back()
    {
        var store = await CreateStoreAsync();
        var completed = await CreateInStatusAsync(store, CardStatus.Completed);

        Assert.Null(await store.TryStartAsync(completed.CorrelationId, T0.AddHours(1)));
        Assert.Null(await store.TryFailAsync(completed.CorrelationId, "late failure", T0.AddHours(1)));
        Assert.Null(await store.TryCompleteAsync(completed.CorrelationId, "cards/second/image.png", T0.AddHours(1)));

        Assert.Equal(completed, await store.GetAsync(completed.CorrelationId));
    }

    [Fact]
    public async Task Of_concurrent_completions_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var job = await CreateInStatusAsync(store, CardStatus.Processing);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.TryCompleteAsync(job.CorrelationId, $"cards/race/{i}.png", T0.AddMinutes(i)))));

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(winner, await store.GetAsync(job.CorrelationId));
    }

    [Fact]
    public async Task Queued_ahead_is_unknown_or_counts_only_earlier_queued_cards()
    {
        var ahead = await QueuedAheadOfThreeAsync(await CreateStoreAsync());

        if (ahead[0] is null)
            Assert.All(ahead, Assert.Null);
        else
            Assert.Equal(new long?[] { 0, 1, 2 }, ahead);
    }

    [Fact]
    public async Task Ping_answers()
    {
        var store = await CreateStoreAsync();
        await store.PingAsync();
    }

    /// <summary>Three queued cards and one started before them: the answers for the queued ones, oldest first.</summary>
    protected static async Task<long?[]> QueuedAheadOfThreeAsync(IJobStore store)
    {
        var (started, _) = await store.CreateAsync(NewJob(NewSession(), T0));
        await store.TryStartAsync(started.CorrelationId, T0.AddMinutes(5));
        var queued = new List<CardJob>();
        for (var i = 1; i <= 3; i++)
            queued.Add((await store.CreateAsync(NewJob(NewSession(), T0.AddSeconds(i)))).Job);
        var ahead = new List<long?>();
        foreach (var job in queued)
            ahead.Add(await store.CountQueuedAheadAsync(job));
        return [.. ahead];
    }

    /// <summary>A job brought to <paramref name="status"/> through the store's own moves; returns it as stored.</summary>
    protected static async Task<CardJob> CreateInStatusAsync(IJobStore store, CardStatus status)
    {
        var (job, _) = await store.CreateAsync(NewJob(NewSession(), T0));
        if (status == CardStatus.Queued)
            return job;
        if (status == CardStatus.Failed)
            return (await store.TryFailAsync(job.CorrelationId, "Setup failure.", T0.AddMinutes(2)))!;
        var processing = (await store.TryStartAsync(job.CorrelationId, T0.AddMinutes(1)))!;
        return status == CardStatus.Processing
            ? processing
            : (await store.TryCompleteAsync(job.CorrelationId, CardJob.ImageKeyFor(job.SessionId, job.CorrelationId), T0.AddMinutes(2)))!;
    }

    protected static string NewSession() => $"session-{Guid.NewGuid():N}";

    protected static CardJob NewJob(string sessionId, DateTimeOffset createdAt, string? idempotencyKey = null) => new()
    {
        CorrelationId = CorrelationIds.New(),
        SessionId = sessionId,
        Prompt = "A dragon made of circuit boards, holographic foil",
        Status = CardStatus.Queued,
        CreatedAt = createdAt,
        IdempotencyKey = idempotencyKey,
    };
}
