using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Cards;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The DynamoDB job store and table setup against dynalite.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DynamoDbJobStoreTests(LocalAwsFixture aws) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly AwsOptions _options = aws.NewOptions();
    private AmazonDynamoDBClient _dynamoDb = null!;
    private DynamoDbJobStore _store = null!;

    public async Task InitializeAsync()
    {
        _dynamoDb = AwsClientFactory.CreateDynamoDb(_options);
        await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, _options.TableName, TimeSpan.FromSeconds(30));
        _store = new DynamoDbJobStore(_dynamoDb, _options.TableName, TimeSpan.FromDays(30));
    }

    private static CardJob NewJob(string sessionId = "session-a", DateTimeOffset? createdAt = null, string? idempotencyKey = null) => new()
    {
        CorrelationId = CorrelationIds.New(),
        SessionId = sessionId,
        Prompt = "a dragon made of circuit boards",
        Status = CardStatus.Queued,
        CreatedAt = createdAt ?? T0,
        IdempotencyKey = idempotencyKey,
    };

    [Fact]
    public async Task Setup_is_idempotent_and_says_what_it_created()
    {
        var name = LocalAwsFixture.UniqueName("setup");

        var first = await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, name, TimeSpan.FromSeconds(30));
        var second = await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, name, TimeSpan.FromSeconds(30));

        Assert.Equal($"DynamoDB table {name}", first[0]);
        Assert.Empty(second);
        var table = (await _dynamoDb.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(AwsOptions.SessionIndexName, Assert.Single(table.GlobalSecondaryIndexes).IndexName);
    }

    [Fact]
    public async Task A_created_job_reads_back_the_same_with_an_expiry_after_the_retention()
    {
        var job = NewJob() with { CreatedAt = new DateTimeOffset(2026, 11, 21, 11, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567) };

        var (stored, created) = await _store.CreateAsync(job);

        Assert.True(created);
        Assert.Equal(job, stored);
        Assert.Equal(job, await _store.GetAsync(job.CorrelationId));
        var item = (await _dynamoDb.GetItemAsync(_options.TableName, new() { ["correlationId"] = new AttributeValue(job.CorrelationId) })).Item;
        Assert.Equal((job.CreatedAt + TimeSpan.FromDays(30)).ToUnixTimeSeconds().ToString(), item["expiresAt"].N);
    }

    [Fact]
    public async Task An_unknown_id_is_null() =>
        Assert.Null(await _store.GetAsync(CorrelationIds.New()));

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_job_and_stores_nothing_new()
    {
        var first = NewJob(idempotencyKey: "retry-1");
        var again = NewJob(idempotencyKey: "retry-1");
        var otherSession = NewJob(sessionId: "session-b", idempotencyKey: "retry-1");

        Assert.True((await _store.CreateAsync(first)).Created);
        var (job, created) = await _store.CreateAsync(again);
        var (other, otherCreated) = await _store.CreateAsync(otherSession);

        Assert.False(created);
        Assert.Equal(first, job);
        Assert.Null(await _store.GetAsync(again.CorrelationId));
        Assert.True(otherCreated);
        Assert.Equal(otherSession, other);
        Assert.Equal([first], await _store.ListBySessionAsync("session-a", 10));
    }

    [Fact]
    public async Task Racing_submits_with_one_idempotency_key_agree_on_one_job()
    {
        var attempts = Enumerable.Range(0, 8).Select(_ => NewJob(sessionId: "racer", idempotencyKey: "same")).ToList();

        var results = await Task.WhenAll(attempts.Select(job => _store.CreateAsync(job)));

        var winner = Assert.Single(results, r => r.Created).Job;
        Assert.All(results, r => Assert.Equal(winner, r.Job));
        Assert.Equal([winner], await _store.ListBySessionAsync("racer", 10));
    }

    [Fact]
    public async Task A_session_lists_its_own_cards_newest_first_up_to_the_limit()
    {
        var session = LocalAwsFixture.UniqueName("s");
        var jobs = Enumerable.Range(0, 4).Select(i => NewJob(sessionId: session, createdAt: T0.AddSeconds(i))).ToList();
        foreach (var job in jobs.OrderBy(_ => Guid.NewGuid()))
            await _store.CreateAsync(job);
        await _store.CreateAsync(NewJob(sessionId: "someone-else"));

        var listed = await _store.ListBySessionAsync(session, 3);

        Assert.Equal([jobs[3], jobs[2], jobs[1]], listed);
    }

    [Fact]
    public async Task A_card_moves_queued_processing_completed_and_then_never_again()
    {
        var job = NewJob();
        await _store.CreateAsync(job);

        Assert.Null(await _store.TryCompleteAsync(job.CorrelationId, "cards/x.png", T0.AddSeconds(1)));
        var started = await _store.TryStartAsync(job.CorrelationId, T0.AddSeconds(2));
        var restarted = await _store.TryStartAsync(job.CorrelationId, T0.AddSeconds(3));
        var completed = await _store.TryCompleteAsync(job.CorrelationId, "cards/x.png", T0.AddSeconds(4));

        Assert.Equal(job with { Status = CardStatus.Processing, StartedAt = T0.AddSeconds(2) }, started);
        Assert.Equal(T0.AddSeconds(3), restarted?.StartedAt);
        Assert.Equal(job with { Status = CardStatus.Completed, StartedAt = T0.AddSeconds(3), CompletedAt = T0.AddSeconds(4), ImageKey = "cards/x.png" }, completed);
        Assert.Null(await _store.TryStartAsync(job.CorrelationId, T0.AddSeconds(5)));
        Assert.Null(await _store.TryFailAsync(job.CorrelationId, "too late", T0.AddSeconds(5)));
        Assert.Null(await _store.TryCompleteAsync(job.CorrelationId, "cards/y.png", T0.AddSeconds(5)));
        Assert.Equal(completed, await _store.GetAsync(job.CorrelationId));
    }

    [Fact]
    public async Task A_queued_card_can_fail_with_a_readable_reason()
    {
        var job = NewJob();
        await _store.CreateAsync(job);

        var failed = await _store.TryFailAsync(job.CorrelationId, "The image model is busy; please try again.", T0.AddSeconds(9));

        Assert.Equal(job with { Status = CardStatus.Failed, CompletedAt = T0.AddSeconds(9), Error = "The image model is busy; please try again." }, failed);
        Assert.Null(await _store.TryStartAsync(job.CorrelationId, T0.AddSeconds(10)));
    }

    [Fact]
    public async Task Moves_on_an_unknown_card_are_null()
    {
        var id = CorrelationIds.New();

        Assert.Null(await _store.TryStartAsync(id, T0));
        Assert.Null(await _store.TryFailAsync(id, "x", T0));
        Assert.Null(await _store.GetAsync(id));
    }

    [Fact]
    public async Task Ping_answers_and_fails_for_a_missing_table()
    {
        await _store.PingAsync();
        var missing = new DynamoDbJobStore(_dynamoDb, LocalAwsFixture.UniqueName("missing"), TimeSpan.FromDays(1));

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => missing.PingAsync());
    }

    public Task DisposeAsync()
    {
        _dynamoDb.Dispose();
        return Task.CompletedTask;
    }
}
