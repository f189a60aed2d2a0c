using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Statistics;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>Feedback in the card table (dynalite): it expires like a card and never shows up among the cards.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class DynamoDbFeedbackStoreTests(LocalAwsFixture aws) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly AwsOptions _options = aws.NewOptions();
    private IAmazonDynamoDB _dynamoDb = null!;
    private DynamoDbJobStore _cards = null!;
    private DynamoDbFeedbackStore _feedback = null!;

    public async Task InitializeAsync()
    {
        _dynamoDb = _options.DynamoDbClientOptions().CreateServiceClient<IAmazonDynamoDB>();
        await DynamoDbTableSetup.EnsureTableAsync(_dynamoDb, _options.TableName, TimeSpan.FromSeconds(30));
        _cards = new DynamoDbJobStore(_dynamoDb, _options.TableName, TimeSpan.FromDays(30));
        _feedback = new DynamoDbFeedbackStore(_dynamoDb, _options.TableName, TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task Feedback_items_expire_after_the_retention_and_never_appear_in_card_lists_figures_or_the_csv()
    {
        var session = CorrelationIds.New();
        var (card, _) = await _cards.CreateAsync(new CardJob
        {
            CorrelationId = CorrelationIds.New(),
            SessionId = session,
            Prompt = "A fox with a lantern",
            Status = CardStatus.Queued,
            CreatedAt = T0,
        });
        await _cards.TryStartAsync(card.CorrelationId, T0.AddSeconds(1));
        card = (await _cards.TryCompleteAsync(card.CorrelationId, CardJob.ImageKeyFor(session, card.CorrelationId), T0.AddSeconds(5)))!;
        var feedback = new FeedbackItem
        {
            FeedbackId = CorrelationIds.New(),
            SessionId = session,
            Kind = FeedbackKind.Typed,
            Status = FeedbackStatus.Queued,
            CreatedAt = T0.AddSeconds(10),
            Text = "Lovely booth with a fox",
        };
        await _feedback.CreateAsync(feedback);
        await _feedback.TryStartAsync(feedback.FeedbackId, T0.AddSeconds(11));
        await _feedback.TryCompleteAsync(feedback.FeedbackId, null, false, Sentiment.Positive, T0.AddSeconds(12));

        var item = (await _dynamoDb.GetItemAsync(_options.TableName, new() { ["correlationId"] = new AttributeValue("feedback#" + feedback.FeedbackId) })).Item;
        Assert.Equal((feedback.CreatedAt + TimeSpan.FromDays(30)).ToUnixTimeSeconds().ToString(), item["expiresAt"].N);
        Assert.False(item.ContainsKey("sessionId"));

        Assert.Equal([card], await _cards.ListBySessionAsync(session, 10));
        var all = new List<CardJob>();
        await foreach (var job in _cards.ListAllAsync())
            all.Add(job);
        Assert.Equal([card], all);
        Assert.Equal([card], await _cards.ListLatestCompletedAsync(10));
        var figures = await _cards.GetStatisticsAsync(T0, T0.AddMinutes(5));
        Assert.Equal((1, 1), (figures.Accepted, figures.Completed));
        Assert.Equal(new KeyCount("fox", 1), figures.TopWords.Single(word => word.Key == "fox"));
        Assert.DoesNotContain(figures.TopWords, word => word.Key is "lovely" or "booth");
        Assert.Null(await _cards.GetAsync(feedback.FeedbackId));
        Assert.Null(await _cards.GetAsync("feedback#" + feedback.FeedbackId));

        var feedbackOnly = new List<FeedbackItem>();
        await foreach (var one in _feedback.ListAllAsync())
            feedbackOnly.Add(one);
        Assert.Equal([feedback.FeedbackId], feedbackOnly.Select(one => one.FeedbackId));
        Assert.Null(await _feedback.GetAsync(card.CorrelationId));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_refused_and_counts_nothing()
    {
        var feedback = new FeedbackItem
        {
            FeedbackId = CorrelationIds.New(),
            SessionId = CorrelationIds.New(),
            Kind = FeedbackKind.Typed,
            Status = FeedbackStatus.Queued,
            CreatedAt = T0,
            Text = "Once",
        };
        await _feedback.CreateAsync(feedback);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _feedback.CreateAsync(feedback with { Text = "Twice" }));

        Assert.Equal("Once", (await _feedback.GetAsync(feedback.FeedbackId))!.Text);
        Assert.Equal(1, (await _feedback.GetStatisticsAsync(0)).Received);
    }

    public Task DisposeAsync()
    {
        _dynamoDb.Dispose();
        return Task.CompletedTask;
    }
}
