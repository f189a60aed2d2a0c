using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// The job store on DynamoDB: one item per card keyed by <c>correlationId</c>, a session index
/// (<see cref="AwsOptions.SessionIndexName"/>: <c>sessionId</c> + <c>createdAt</c>) for the newest-first
/// list, and every status change an UpdateItem conditioned on the current status.
/// </summary>
/// <remarks>
/// An idempotency key is claimed by a second item, <c>idem#{sessionId}#{key}</c>, written (conditionally)
/// before the job and holding a copy of it. A request that loses the race reads the copy and makes sure the
/// winner's job item exists, so the two never disagree even if the winner stopped between its two writes
/// (DynamoDB transactions would do it in one step, but local DynamoDB servers lack them).
/// </remarks>
public sealed partial class DynamoDbJobStore(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan retention) : IJobStore
{
    private const string JobCopy = "job";
    private const string NotExists = $"attribute_not_exists({JobItem.CorrelationId})";

    public async Task<(CardJob Job, bool Created)> CreateAsync(CardJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var item = JobItem.ToItem(job, job.CreatedAt + retention);
        item[EventTimeline.Attribute] = JobItem.S(EventTimeline.Cards);
        if (job.IdempotencyKey is null)
        {
            await PutNewAsync(item, cancellationToken);
            await _counters.RecordCreatedAsync(cancellationToken);
            return (job, true);
        }

        var claimKey = $"idem#{job.SessionId}#{job.IdempotencyKey}";
        var claim = new Dictionary<string, AttributeValue>
        {
            [JobItem.CorrelationId] = JobItem.S(claimKey),
            [JobCopy] = new() { M = item },
            [JobItem.ExpiresAt] = item[JobItem.ExpiresAt],
        };
        if (await TryPutNewAsync(claim, cancellationToken))
        {
            // A loser of the race may already have written this very item from the claim's copy.
            await TryPutNewAsync(item, cancellationToken);
            await _counters.RecordCreatedAsync(cancellationToken);
            return (job, true);
        }

        var existingClaim = await GetItemAsync(claimKey, cancellationToken);
        if (existingClaim?.GetValueOrDefault(JobCopy)?.M is not { } winnerItem)
            throw new InvalidOperationException($"Idempotency record {claimKey} has no job copy.");
        if (await TryPutNewAsync(winnerItem, cancellationToken))
            return (JobItem.FromItem(winnerItem)!, false);
        var winner = JobItem.FromItem(await GetItemAsync(winnerItem[JobItem.CorrelationId].S, cancellationToken))
            ?? throw new InvalidOperationException($"Job {winnerItem[JobItem.CorrelationId].S} vanished while being read.");
        return (winner, false);
    }

    public async Task<CardJob?> GetAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        return JobItem.FromItem(await GetItemAsync(correlationId, cancellationToken));
    }

    public async Task<IReadOnlyList<CardJob>> ListBySessionAsync(string sessionId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            IndexName = AwsOptions.SessionIndexName,
            KeyConditionExpression = "#session = :session",
            ExpressionAttributeNames = new() { ["#session"] = JobItem.SessionId },
            ExpressionAttributeValues = new() { [":session"] = JobItem.S(sessionId) },
            ScanIndexForward = false,
            Limit = limit,
        }, cancellationToken);
        return response.Items is null ? [] : response.Items.Select(JobItem.FromItem).OfType<CardJob>().ToList();
    }

    public Task<CardJob?> TryStartAsync(string correlationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        TryMoveAsync(correlationId, CardStatus.Processing, new() { [JobItem.StartedAt] = JobItem.Time(startedAt) }, cancellationToken);

    public Task<CardJob?> TryCompleteAsync(string correlationId, string imageKey, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageKey);
        return TryMoveAsync(correlationId, CardStatus.Completed, new()
        {
            [JobItem.CompletedAt] = JobItem.Time(completedAt),
            [JobItem.ImageKey] = JobItem.S(imageKey),
        }, cancellationToken);
    }

    public Task<CardJob?> TryFailAsync(string correlationId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return TryMoveAsync(correlationId, CardStatus.Failed, new()
        {
            [JobItem.CompletedAt] = JobItem.Time(failedAt),
            [JobItem.Error] = JobItem.S(error),
        }, cancellationToken);
    }

    /// <summary>
    /// Always null: the table has no index by status, so counting queued cards would need a Scan of the whole
    /// table on every read, which is neither cheap nor bounded. The page then shows "queued" without a count.
    /// </summary>
    public Task<long?> CountQueuedAheadAsync(CardJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Task.FromResult<long?>(null);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken);

    /// <summary>Sets the status and <paramref name="set"/> only when the current status may move to <paramref name="to"/>.</summary>
    private async Task<CardJob?> TryMoveAsync(string correlationId, CardStatus to, Dictionary<string, AttributeValue> set,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        var from = Enum.GetValues<CardStatus>().Where(status => status.CanMoveTo(to)).Select(status => status.ToWireName()).ToArray();
        if (await StatusMoves.TryMoveAsync(dynamoDb, tableName, Key(correlationId), to.ToWireName(), from, set, cancellationToken) is not { } moved)
            return null; // missing, or the move is not allowed (a terminal card never moves back)
        // The old item tells the counters which status the card left.
        var (before, after) = (JobItem.FromItem(moved.Before)!, JobItem.FromItem(moved.After)!);
        await _counters.RecordMoveAsync(before, after, cancellationToken);
        return after;
    }

    private async Task PutNewAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        if (!await TryPutNewAsync(item, cancellationToken))
            throw new InvalidOperationException($"Job {item[JobItem.CorrelationId].S} already exists.");
    }

    private async Task<bool> TryPutNewAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item, ConditionExpression = NotExists }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string key, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(key), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static Dictionary<string, AttributeValue> Key(string correlationId) => new() { [JobItem.CorrelationId] = JobItem.S(correlationId) };
}
