using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Cards;
using SnapMagic.Statistics;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// Ratings and the organizer's figures without a Scan: the counters of <see cref="EventCounters"/>, and Queries
/// of the <see cref="EventTimeline"/> index for the CSV, the gallery and the top words of recent prompts.
/// </summary>
public sealed partial class DynamoDbJobStore
{
    /// <summary>How many of the newest cards the gallery looks through for completed ones, so its cost stays bounded.</summary>
    private const int MaxCardsExaminedForGallery = 2000;

    private readonly EventCounters _counters = new(dynamoDb, tableName);

    public async Task<EventStatistics> GetStatisticsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var counted = _counters.ReadAsync(since, until, cancellationToken);
        var prompts = RecentPromptsAsync(cancellationToken);
        return (await counted) with { TopWords = PromptWords.Top(await prompts) };
    }

    public async IAsyncEnumerable<CardJob> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = EventTimeline.Query(tableName, oldestFirst: true);
        do
        {
            var page = await dynamoDb.QueryAsync(query, cancellationToken);
            foreach (var item in page.Items ?? [])
                if (JobItem.FromItem(item) is { } job)
                    yield return job;
            query.ExclusiveStartKey = page.LastEvaluatedKey;
        } while (query.ExclusiveStartKey is { Count: > 0 });
    }

    /// <summary>Newest cards first, keeping the completed ones: cards finish in about the order they were made.</summary>
    public async Task<IReadOnlyList<CardJob>> ListLatestCompletedAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = EventTimeline.Query(tableName, oldestFirst: false);
        query.FilterExpression = "#status = :completed";
        query.ExpressionAttributeNames["#status"] = JobItem.Status;
        query.ExpressionAttributeValues[":completed"] = JobItem.StatusValue(CardStatus.Completed);
        var completed = new List<CardJob>();
        var examined = 0;
        do
        {
            var page = await dynamoDb.QueryAsync(query, cancellationToken);
            completed.AddRange((page.Items ?? []).Select(JobItem.FromItem).OfType<CardJob>());
            examined += page.ScannedCount ?? 0;
            query.ExclusiveStartKey = page.LastEvaluatedKey;
        } while (completed.Count < limit && examined < MaxCardsExaminedForGallery && query.ExclusiveStartKey is { Count: > 0 });
        return [.. completed.OrderByDescending(job => job.CompletedAt).Take(limit)];
    }

    private async Task<IReadOnlyList<string>> RecentPromptsAsync(CancellationToken cancellationToken)
    {
        var query = EventTimeline.Query(tableName, oldestFirst: false);
        query.ProjectionExpression = "#prompt";
        query.ExpressionAttributeNames["#prompt"] = JobItem.Prompt;
        var prompts = new List<string>();
        do
        {
            query.Limit = PromptWords.RecentPrompts - prompts.Count;
            var page = await dynamoDb.QueryAsync(query, cancellationToken);
            prompts.AddRange((page.Items ?? []).Select(item => item[JobItem.Prompt].S));
            query.ExclusiveStartKey = page.LastEvaluatedKey;
        } while (prompts.Count < PromptWords.RecentPrompts && query.ExclusiveStartKey is { Count: > 0 });
        return prompts;
    }
}
