using SnapMagic.Cards;
using SnapMagic.Embedded;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests.Embedded;

/// <summary>The embedded job store shared by several processes: two instances over one folder stand in for them.</summary>
public sealed class EmbeddedJobStoreTests : IDisposable
{
    private readonly TemporaryDataDirectories _directories = new();

    public void Dispose() => _directories.Dispose();

    [Fact]
    public async Task Concurrent_creates_with_one_idempotency_key_from_two_processes_make_one_job()
    {
        var directory = _directories.New();
        var stores = new[] { _directories.Own(new SqliteJobStore(directory)), _directories.Own(new SqliteJobStore(directory)) };
        var session = $"session-{Guid.NewGuid():N}";

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % 2].CreateAsync(new CardJob
        {
            CorrelationId = CorrelationIds.New(),
            SessionId = session,
            Prompt = "A lighthouse made of glass at dusk",
            Status = CardStatus.Queued,
            CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
            IdempotencyKey = "double-click",
        }))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Job.CorrelationId).Distinct());
        Assert.Single(await stores[1].ListBySessionAsync(session, 10));
    }

    [Fact]
    public async Task A_write_that_fails_among_concurrent_ones_fails_alone()
    {
        var store = _directories.Own(new SqliteJobStore(_directories.New()));
        var session = $"session-{Guid.NewGuid():N}";
        CardJob Job(string id) => new()
        {
            CorrelationId = id,
            SessionId = session,
            Prompt = "A lighthouse made of glass at dusk",
            Status = CardStatus.Queued,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var taken = CorrelationIds.New();
        await store.CreateAsync(Job(taken));

        // Writes of one process share a transaction when they meet (a savepoint each): the duplicate id must not take the others down.
        var fresh = Enumerable.Range(0, 32).Select(_ => CorrelationIds.New()).ToList();
        var creates = fresh.Select(id => Task.Run(() => store.CreateAsync(Job(id)))).ToList();
        var duplicate = Task.Run(() => store.CreateAsync(Job(taken)));

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => duplicate);
        Assert.All(await Task.WhenAll(creates), result => Assert.True(result.Created));
        Assert.Equal(fresh.Count + 1, (await store.ListBySessionAsync(session, 100)).Count);
    }

    [Fact]
    public async Task The_place_in_line_is_counted_up_to_its_cap_whatever_the_backlog()
    {
        var store = _directories.Own(new SqliteJobStore(_directories.New()));
        CardJob last = null!;
        for (var i = 0; i <= IJobStore.MaxQueuedAhead + 5; i++)
        {
            (last, _) = await store.CreateAsync(new CardJob
            {
                CorrelationId = CorrelationIds.New(),
                SessionId = "session-backlog",
                Prompt = "A lighthouse made of glass at dusk",
                Status = CardStatus.Queued,
                CreatedAt = DateTimeOffset.UnixEpoch.AddMilliseconds(i),
            });
        }

        Assert.Equal(IJobStore.MaxQueuedAhead, await store.CountQueuedAheadAsync(last));
    }

    [Fact]
    public async Task Of_completions_racing_from_two_processes_exactly_one_wins()
    {
        var directory = _directories.New();
        var stores = new[] { _directories.Own(new SqliteJobStore(directory)), _directories.Own(new SqliteJobStore(directory)) };
        var (job, _) = await stores[0].CreateAsync(new CardJob
        {
            CorrelationId = CorrelationIds.New(),
            SessionId = "session",
            Prompt = "A lighthouse made of glass at dusk",
            Status = CardStatus.Queued,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
        Assert.NotNull(await stores[1].TryStartAsync(job.CorrelationId, DateTimeOffset.UnixEpoch.AddSeconds(1)));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            stores[i % 2].TryCompleteAsync(job.CorrelationId, $"cards/session/{i}.png", DateTimeOffset.UnixEpoch.AddSeconds(2)))));

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(winner, await stores[0].GetAsync(job.CorrelationId));
    }
}
