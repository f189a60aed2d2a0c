using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Feedback;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// Attendees' feedback in the job table, beside the cards (<see cref="FeedbackTableItem"/>: keys, attributes and why no card
/// query meets them). Every status change is an UpdateItem conditioned on the current status; the figures are counters
/// (<see cref="FeedbackCounters"/>) and the event's list and latest texts are Queries of the feedback partition of the
/// <see cref="EventTimeline"/> index: never a Scan.
/// </summary>
public sealed class DynamoDbFeedbackStore(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan retention) : IFeedbackStore
{
    /// <summary>How many of the newest items the latest texts look through, so their cost stays bounded.</summary>
    private const int MaxItemsExaminedForLatest = 2000;

    private readonly FeedbackCounters _counters = new(dynamoDb, tableName);

    public async Task CreateAsync(FeedbackItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = FeedbackTableItem.ToItem(item, item.CreatedAt + retention),
                ConditionExpression = "attribute_not_exists(#key)",
                ExpressionAttributeNames = new() { ["#key"] = JobItem.CorrelationId },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException ex)
        {
            throw new InvalidOperationException($"Feedback {item.FeedbackId} already exists.", ex);
        }
        await _counters.RecordAsync(null, item, cancellationToken);
    }

    public async Task<FeedbackItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = FeedbackTableItem.Key(feedbackId),
            ConsistentRead = true,
        }, cancellationToken);
        return FeedbackTableItem.FromItem(response.Item is { Count: > 0 } item ? item : null);
    }

    public Task<FeedbackItem?> TryStartAsync(string feedbackId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        TryMoveAsync(feedbackId, FeedbackStatus.Processing, [FeedbackStatus.Queued, FeedbackStatus.Processing],
            new() { [FeedbackTableItem.StartedAt] = JobItem.Time(startedAt) }, cancellationToken);

    public Task<FeedbackItem?> TryCompleteAsync(string feedbackId, string? text, bool transcribed, Sentiment? sentiment, DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default)
    {
        var set = new Dictionary<string, AttributeValue>
        {
            [FeedbackTableItem.FinishedAt] = JobItem.Time(finishedAt),
            [FeedbackTableItem.Transcribed] = new() { BOOL = transcribed },
        };
        // No text keeps the text there is (a typed answer came with its text).
        JobItem.AddIfSet(set, FeedbackTableItem.Text, text is null ? null : JobItem.S(text));
        JobItem.AddIfSet(set, FeedbackTableItem.Sentiment, sentiment is { } value ? JobItem.S(value.ToWireName()) : null);
        return TryMoveAsync(feedbackId, FeedbackStatus.Completed, [FeedbackStatus.Processing], set, cancellationToken);
    }

    public Task<FeedbackItem?> TryFailAsync(string feedbackId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return TryMoveAsync(feedbackId, FeedbackStatus.Failed, [FeedbackStatus.Queued, FeedbackStatus.Processing], new()
        {
            [FeedbackTableItem.FinishedAt] = JobItem.Time(finishedAt),
            [FeedbackTableItem.Error] = JobItem.S(error),
        }, cancellationToken);
    }

    public async Task<FeedbackStatistics> GetStatisticsAsync(int latest, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(latest);
        var counted = _counters.ReadAsync(cancellationToken);
        var newest = latest == 0 ? Task.FromResult<IReadOnlyList<FeedbackItem>>([]) : LatestWithTextAsync(latest, cancellationToken);
        return (await counted) with { Latest = await newest };
    }

    public async IAsyncEnumerable<FeedbackItem> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = EventTimeline.Query(tableName, oldestFirst: true, EventTimeline.Feedback);
        do
        {
            var page = await dynamoDb.QueryAsync(query, cancellationToken);
            foreach (var item in page.Items ?? [])
                if (FeedbackTableItem.FromItem(item) is { } feedback)
                    yield return feedback;
            query.ExclusiveStartKey = page.LastEvaluatedKey;
        } while (query.ExclusiveStartKey is { Count: > 0 });
    }

    /// <summary>Newest items first, keeping the completed ones with text: feedback is scored in about the order it came.</summary>
    private async Task<IReadOnlyList<FeedbackItem>> LatestWithTextAsync(int limit, CancellationToken cancellationToken)
    {
        var query = EventTimeline.Query(tableName, oldestFirst: false, EventTimeline.Feedback);
        query.FilterExpression = "#status = :completed AND attribute_exists(#text)";
        query.ExpressionAttributeNames["#status"] = FeedbackTableItem.Status;
        query.ExpressionAttributeNames["#text"] = FeedbackTableItem.Text;
        query.ExpressionAttributeValues[":completed"] = FeedbackTableItem.StatusValue(FeedbackStatus.Completed);
        var completed = new List<FeedbackItem>();
        var examined = 0;
        do
        {
            var page = await dynamoDb.QueryAsync(query, cancellationToken);
            completed.AddRange((page.Items ?? []).Select(FeedbackTableItem.FromItem).OfType<FeedbackItem>());
            examined += page.ScannedCount ?? 0;
            query.ExclusiveStartKey = page.LastEvaluatedKey;
        } while (completed.Count < limit && examined < MaxItemsExaminedForLatest && query.ExclusiveStartKey is { Count: > 0 });
        return [.. completed.OrderByDescending(item => item.FinishedAt).Take(limit)];
    }

    /// <summary>Sets the status and <paramref name="set"/> only when the current status is one of <paramref name="from"/>.</summary>
    private async Task<FeedbackItem?> TryMoveAsync(string feedbackId, FeedbackStatus to, FeedbackStatus[] from, Dictionary<string, AttributeValue> set,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        if (await StatusMoves.TryMoveAsync(dynamoDb, tableName, FeedbackTableItem.Key(feedbackId), to.ToWireName(),
                [.. from.Select(status => status.ToWireName())], set, cancellationToken) is not { } moved)
            return null; // missing, or the move is not allowed (a finished item never moves again)
        // The old item tells the counters what the item left.
        var (before, after) = (FeedbackTableItem.FromItem(moved.Before)!, FeedbackTableItem.FromItem(moved.After)!);
        await _counters.RecordAsync(before, after, cancellationToken);
        return after;
    }
}
