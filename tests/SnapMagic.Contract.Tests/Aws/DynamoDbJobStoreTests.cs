using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Cards;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>What DynamoDB adds to the shared job store contract (dynalite): table setup, TTL attribute, racing idempotent creates.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DynamoDbJobStoreTests(LocalAwsFixture aws) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly AwsOptions _options = aws.NewOptions();
    private IAmazonDynamoDB _dynamoDb = null!;
    private DynamoDbJobStore _store = null!;

    public async Task InitializeAsync()
    {
        _dynamoDb = _options.DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>();
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
        Assert.Equal([AwsOptions.SessionIndexName, "byTime"], table.GlobalSecondaryIndexes.Select(index => index.IndexName).Order());
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
    public async Task Racing_submits_with_one_idempotency_key_agree_on_one_job()
    {
        var attempts = Enumerable.Range(0, 8).Select(_ => NewJob(sessionId: "racer", idempotencyKey: "same")).ToList();

        var results = await Task.WhenAll(attempts.Select(job => _store.CreateAsync(job)));

        var winner = Assert.Single(results, r => r.Created).Job;
        Assert.All(results, r => Assert.Equal(winner, r.Job));
        Assert.Equal([winner], await _store.ListBySessionAsync("racer", 10));
    }

    [Fact]
    public async Task A_retry_finishes_the_job_of_a_claim_whose_writer_stopped_before_writing_it()
    {
        var job = NewJob(sessionId: "crashed", idempotencyKey: "k1");
        // What a writer leaves when it stops between its two puts: the idempotency claim with a copy of the job, no job item.
        var copy = new Dictionary<string, AttributeValue>
        {
            ["correlationId"] = new(job.CorrelationId), ["sessionId"] = new(job.SessionId), ["prompt"] = new(job.Prompt),
            ["status"] = new("queued"), ["createdAt"] = new("2026-11-21T10:00:00.0000000Z"), ["idempotencyKey"] = new("k1"),
            ["expiresAt"] = new() { N = "1800000000" },
        };
        await _dynamoDb.PutItemAsync(_options.TableName, new()
        {
            ["correlationId"] = new("idem#crashed#k1"), ["job"] = new() { M = copy }, ["expiresAt"] = new() { N = "1800000000" },
        });

        var (returned, created) = await _store.CreateAsync(NewJob(sessionId: "crashed", idempotencyKey: "k1"));

        Assert.False(created);
        Assert.Equal(job, returned);
        Assert.Equal(job, await _store.GetAsync(job.CorrelationId));
        Assert.Null(await _store.GetAsync("idem#crashed#k1"));
        Assert.Equal([job], await _store.ListBySessionAsync("crashed", 10));
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
