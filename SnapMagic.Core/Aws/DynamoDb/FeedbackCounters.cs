using Amazon.DynamoDBv2;
using SnapMagic.Feedback;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// The feedback's figures as atomic counters (UpdateItem ADD) on one item of the job table, <c>event#feedback</c>, written
/// after each winning conditional write as <see cref="EventCounters"/> does for cards: received, per status, per kind,
/// recordings completed without a transcript, and per sentiment.
/// </summary>
internal sealed class FeedbackCounters(IAmazonDynamoDB dynamoDb, string tableName)
{
    private const string TotalsKey = "event#feedback";
    private const string Received = "received";
    private const string NotTranscribed = "notTranscribed";

    /// <summary>Counts the change from <paramref name="before"/> (null: a new item) to <paramref name="after"/>.</summary>
    public Task RecordAsync(FeedbackItem? before, FeedbackItem after, CancellationToken cancellationToken) =>
        CounterItems.AddAsync(dynamoDb, tableName, TotalsKey, Changes(before, after), cancellationToken);

    public async Task<FeedbackStatistics> ReadAsync(CancellationToken cancellationToken)
    {
        var totals = await CounterItems.ReadAsync(dynamoDb, tableName, TotalsKey, cancellationToken);
        long Count(string name) => CounterItems.Count(totals, name);

        return new FeedbackStatistics
        {
            Received = Count(Received),
            Completed = Count(StatusCounter(FeedbackStatus.Completed)),
            Failed = Count(StatusCounter(FeedbackStatus.Failed)),
            Spoken = Count(KindCounter(FeedbackKind.Spoken)),
            Typed = Count(KindCounter(FeedbackKind.Typed)),
            NotTranscribed = Count(NotTranscribed),
            Positive = Count(SentimentCounter(Sentiment.Positive)),
            Neutral = Count(SentimentCounter(Sentiment.Neutral)),
            Negative = Count(SentimentCounter(Sentiment.Negative)),
        };
    }

    /// <summary>-1 on every counter <paramref name="before"/> counted in, +1 on every one <paramref name="after"/> counts in; those that cancel left out.</summary>
    internal static Dictionary<string, long> Changes(FeedbackItem? before, FeedbackItem after) =>
        CounterItems.Changes(before is null ? [] : CountersOf(before), CountersOf(after));

    private static IEnumerable<string> CountersOf(FeedbackItem item)
    {
        yield return Received;
        yield return StatusCounter(item.Status);
        yield return KindCounter(item.Kind);
        if (item is { Status: FeedbackStatus.Completed, Kind: FeedbackKind.Spoken, Transcribed: false })
            yield return NotTranscribed;
        if (item.Sentiment is { } sentiment)
            yield return SentimentCounter(sentiment);
    }

    private static string StatusCounter(FeedbackStatus status) => "status:" + status.ToWireName();

    private static string KindCounter(FeedbackKind kind) => "kind:" + kind.ToWireName();

    private static string SentimentCounter(Sentiment sentiment) => "sentiment:" + sentiment.ToWireName();
}
