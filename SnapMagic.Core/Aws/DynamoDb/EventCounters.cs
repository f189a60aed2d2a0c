using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Cards;
using SnapMagic.Statistics;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// The event's figures as atomic counters (UpdateItem ADD) in the job table, so the organizer's summary reads a
/// few items however many cards there are: one totals item (cards per status, ratings and those given by gesture,
/// animations requested, completed and failed, failure reasons and the time-to-card and queue-wait histograms,
/// <see cref="DurationBuckets"/>) and one item per minute of completions.
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
    private const string AnimationsRequested = "animations:requested";
    private const string AnimationsCompleted = "animations:completed";
    private const string AnimationsFailed = "animations:failed";

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

    /// <summary>Moves the rating counters from the card's old rating (and source) to its new one: a change of either counts once.</summary>
    public Task RecordRatingAsync(CardJob before, CardJob after, CancellationToken cancellationToken) =>
        AddAsync(TotalsKey, RatingChanges(before, after), cancellationToken);

    /// <summary>Counts an animation that reached <paramref name="status"/>: requested when queued, then completed or failed.</summary>
    public Task RecordAnimationAsync(CardAnimationStatus status, CancellationToken cancellationToken) => status switch
    {
        CardAnimationStatus.Queued => AddAsync(TotalsKey, new() { [AnimationsRequested] = 1 }, cancellationToken),
        CardAnimationStatus.Completed => AddAsync(TotalsKey, new() { [AnimationsCompleted] = 1 }, cancellationToken),
        CardAnimationStatus.Failed => AddAsync(TotalsKey, new() { [AnimationsFailed] = 1 }, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// The counter changes a rating change makes: -1 on each counter the old rating counted in, +1 on each the new one
    /// counts in, those that cancel left out (up by button → up by gesture moves only the gesture counter).
    /// </summary>
    internal static Dictionary<string, long> RatingChanges(CardJob before, CardJob after) =>
        CounterItems.Changes(RatingCounters(before), RatingCounters(after));

    private static IEnumerable<string> RatingCounters(CardJob job)
    {
        if (job.Rating is not { } rating)
            yield break;
        yield return RatingCounter(rating);
        if (job.RatingSource == RatingSource.Gesture)
            yield return GestureRatingCounter(rating);
    }

    /// <summary>The counted figures; top words are not counters and are left empty here.</summary>
    public async Task<EventStatistics> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var totals = await CounterItems.ReadAsync(dynamoDb, tableName, TotalsKey, cancellationToken);
        long Count(string name) => CounterItems.Count(totals, name);
        long[] Histogram(string prefix) => [.. Enumerable.Range(0, DurationBuckets.Count).Select(i => Count(prefix + i))];

        return new EventStatistics
        {
            Queued = Count(CardStatus.Queued.ToWireName()),
            Processing = Count(CardStatus.Processing.ToWireName()),
            Completed = Count(CardStatus.Completed.ToWireName()),
            Failed = Count(CardStatus.Failed.ToWireName()),
            RatedUp = Count(RatingCounter(CardRating.Up)),
            RatedDown = Count(RatingCounter(CardRating.Down)),
            RatedUpByGesture = Count(GestureRatingCounter(CardRating.Up)),
            RatedDownByGesture = Count(GestureRatingCounter(CardRating.Down)),
            AnimationsRequested = Count(AnimationsRequested),
            AnimationsCompleted = Count(AnimationsCompleted),
            AnimationsFailed = Count(AnimationsFailed),
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

        var keys = new KeysAndAttributes { Keys = [.. minutes.Select(MinuteKey).Select(CounterItems.Key)], ConsistentRead = true };
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

    private Task AddAsync(string key, Dictionary<string, long> add, CancellationToken cancellationToken) =>
        CounterItems.AddAsync(dynamoDb, tableName, key, add, cancellationToken);

    private static string RatingCounter(CardRating rating) => "rated:" + rating.ToWireName();

    private static string GestureRatingCounter(CardRating rating) => "rated:" + rating.ToWireName() + ":gesture";

    private static string MinuteKey(DateTimeOffset time) =>
        MinutePrefix + time.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);
}
