using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Cards;
using SnapMagic.Statistics;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// The event's figures as atomic counters (UpdateItem ADD) in the job table, so the organizer's summary reads a
/// few items however many cards there are: one totals item (cards per status, ratings, failure reasons and the
/// time-to-card and queue-wait histograms, <see cref="DurationBuckets"/>) and one item per minute of completions.
/// </summary>
/// <remarks>
/// A counter is written right after the card's own conditional write succeeds, and only by the writer that won
/// it, so a redelivered message never counts twice. The two writes are not one transaction (local DynamoDB
/// servers have none): a process that dies between them leaves a count one short.
/// </remarks>
internal sealed class EventCounters(IAmazonDynamoDB dynamoDb, string tableName)
{
    private const string TotalsKey = "event#totals";
    private const string MinutePrefix = "event#minute#";
    private const string CompletedInMinute = "completed";
    private const string FailurePrefix = "failed:";
    private const string TimeToCardPrefix = "ttc:";
    private const string QueueWaitPrefix = "wait:";
    private const string MinuteFormat = "yyyy-MM-dd'T'HH:mm";
    private const int MaxBatchKeys = 100;

    public Task RecordCreatedAsync(CancellationToken cancellationToken) =>
        AddAsync(TotalsKey, new() { [CardStatus.Queued.ToWireName()] = 1 }, cancellationToken);

    public async Task RecordMoveAsync(CardJob before, CardJob after, CancellationToken cancellationToken)
    {
        if (before.Status == after.Status)
            return; // a redelivered card started again: nothing new to count
        var add = new Dictionary<string, long> { [before.Status.ToWireName()] = -1, [after.Status.ToWireName()] = 1 };
        if (after is { Status: CardStatus.Processing, StartedAt: { } started })
            add[QueueWaitPrefix + DurationBuckets.IndexOf(started - after.CreatedAt)] = 1;
        if (after is { Status: CardStatus.Failed, Error: { } error })
            add[FailurePrefix + error] = 1;
        if (after is { Status: CardStatus.Completed, CompletedAt: { } completed })
        {
            add[TimeToCardPrefix + DurationBuckets.IndexOf(completed - after.CreatedAt)] = 1;
            await AddAsync(MinuteKey(completed), new() { [CompletedInMinute] = 1 }, cancellationToken);
        }
        await AddAsync(TotalsKey, add, cancellationToken);
    }

    public Task RecordRatingAsync(CardRating? before, CardRating after, CancellationToken cancellationToken)
    {
        if (before == after)
            return Task.CompletedTask;
        var add = new Dictionary<string, long> { [RatingCounter(after)] = 1 };
        if (before is { } previous)
            add[RatingCounter(previous)] = -1;
        return AddAsync(TotalsKey, add, cancellationToken);
    }

    /// <summary>The counted figures; top words are not counters and are left empty here.</summary>
    public async Task<EventStatistics> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var totals = (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(TotalsKey),
            ConsistentRead = true,
        }, cancellationToken)).Item ?? [];

        long Count(string name) => totals.TryGetValue(name, out var value) && value.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : 0;
        long[] Histogram(string prefix) => [.. Enumerable.Range(0, DurationBuckets.Count).Select(i => Count(prefix + i))];

        return new EventStatistics
        {
            Queued = Count(CardStatus.Queued.ToWireName()),
            Processing = Count(CardStatus.Processing.ToWireName()),
            Completed = Count(CardStatus.Completed.ToWireName()),
            Failed = Count(CardStatus.Failed.ToWireName()),
            RatedUp = Count(RatingCounter(CardRating.Up)),
            RatedDown = Count(RatingCounter(CardRating.Down)),
            FailuresByReason =
            [
                .. totals.Keys.Where(name => name.StartsWith(FailurePrefix, StringComparison.Ordinal))
                    .Select(name => new KeyCount(name[FailurePrefix.Length..], Count(name)))
                    .Where(reason => reason.Count > 0)
                    .OrderByDescending(reason => reason.Count).ThenBy(reason => reason.Key, StringComparer.Ordinal),
            ],
            CompletedPerMinute = await ReadMinutesAsync(since, until, cancellationToken),
            TimeToCard = DurationBuckets.Percentiles(Histogram(TimeToCardPrefix)),
            QueueWait = DurationBuckets.Percentiles(Histogram(QueueWaitPrefix)),
        };
    }

    private async Task<IReadOnlyList<MinuteCount>> ReadMinutesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var first = MinuteCount.StartOf(since);
        var minutes = Enumerable.Range(0, MaxBatchKeys).Select(i => first.AddMinutes(i)).TakeWhile(minute => minute <= until).ToList();
        if (minutes.Count == 0)
            return [];

        var keys = new KeysAndAttributes { Keys = [.. minutes.Select(MinuteKey).Select(Key)], ConsistentRead = true };
        var items = new List<Dictionary<string, AttributeValue>>();
        while (keys is { Keys.Count: > 0 })
        {
            var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [tableName] = keys } }, cancellationToken);
            items.AddRange(response.Responses?.GetValueOrDefault(tableName) ?? []);
            keys = response.UnprocessedKeys?.GetValueOrDefault(tableName);
        }

        var counts = items.ToDictionary(item => item[JobItem.CorrelationId].S, item => long.Parse(item[CompletedInMinute].N, CultureInfo.InvariantCulture));
        return [.. minutes.Where(minute => counts.GetValueOrDefault(MinuteKey(minute)) > 0)
            .Select(minute => new MinuteCount(minute, counts[MinuteKey(minute)]))];
    }

    private Task AddAsync(string key, Dictionary<string, long> add, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var terms = new List<string>();
        foreach (var (name, amount) in add)
        {
            var i = terms.Count;
            names[$"#c{i}"] = name;
            values[$":c{i}"] = new AttributeValue { N = amount.ToString(CultureInfo.InvariantCulture) };
            terms.Add($"#c{i} :c{i}");
        }
        return dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(key),
            UpdateExpression = "ADD " + string.Join(", ", terms),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        }, cancellationToken);
    }

    private static string RatingCounter(CardRating rating) => "rated:" + rating.ToWireName();

    private static string MinuteKey(DateTimeOffset time) =>
        MinutePrefix + time.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);

    private static Dictionary<string, AttributeValue> Key(string key) => new() { [JobItem.CorrelationId] = JobItem.S(key) };
}
