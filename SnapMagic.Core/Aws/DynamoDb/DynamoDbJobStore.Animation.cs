using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SnapMagic.Cards;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// A card's animation in the <c>animation*</c> attributes of its item, and the rating's source beside the rating. Every
/// move is an UpdateItem conditioned on the animation's current status; only the writer that wins it counts it
/// (<see cref="EventCounters"/>), so a redelivered job or a second request never counts twice.
/// </summary>
public sealed partial class DynamoDbJobStore
{
    public async Task<CardJob?> TryRateAsync(string correlationId, CardRating rating, RatingSource source = RatingSource.Button,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(correlationId),
                UpdateExpression = "SET #rating = :rating, #source = :source",
                ConditionExpression = "#status = :completed",
                ExpressionAttributeNames = new() { ["#rating"] = JobItem.Rating, ["#source"] = JobItem.RatingSource, ["#status"] = JobItem.Status },
                ExpressionAttributeValues = new()
                {
                    [":rating"] = JobItem.S(rating.ToWireName()),
                    [":source"] = JobItem.S(source.ToWireName()),
                    [":completed"] = JobItem.StatusValue(CardStatus.Completed),
                },
                // The old item tells the counters which rating (and source) the card had.
                ReturnValues = ReturnValue.ALL_OLD,
            }, cancellationToken);
            var before = JobItem.FromItem(response.Attributes)!;
            var after = before with { Rating = rating, RatingSource = source };
            await _counters.RecordRatingAsync(before, after, cancellationToken);
            return after;
        }
        catch (ConditionalCheckFailedException)
        {
            return null; // missing, or not completed
        }
    }

    public async Task<(CardJob Job, bool Created)?> TryRequestAnimationAsync(string correlationId, DateTimeOffset requestedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        var requested = await TryUpdateAnimationAsync(correlationId, CardAnimationStatus.Queued, new()
        {
            [JobItem.AnimationRequestedAt] = JobItem.Time(requestedAt),
        }, $"#status = :completed AND attribute_not_exists(#{JobItem.AnimationStatus})",
            new() { ["#status"] = JobItem.Status }, new() { [":completed"] = JobItem.StatusValue(CardStatus.Completed) }, cancellationToken);
        if (requested is not null)
            return (requested, true);

        // It has its animation already (returned as it is), or it is missing or not completed.
        var existing = await GetAsync(correlationId, cancellationToken);
        return existing is { Status: CardStatus.Completed, Animation: not null } ? (existing, false) : null;
    }

    public async Task<CardJob?> TryStartAnimationAsync(string correlationId, string invocationId, DateTimeOffset startedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(invocationId);
        var started = await TryMoveAnimationAsync(correlationId, CardAnimationStatus.Processing, [CardAnimationStatus.Queued], new()
        {
            [JobItem.AnimationStartedAt] = JobItem.Time(startedAt),
            [JobItem.AnimationInvocationId] = JobItem.S(invocationId),
        }, cancellationToken);
        if (started is not null)
            return started;

        // Started already (a redelivered start): the stored handle wins, nothing is written.
        var existing = await GetAsync(correlationId, cancellationToken);
        return existing?.Animation?.Status == CardAnimationStatus.Processing ? existing : null;
    }

    public Task<CardJob?> TryCompleteAnimationAsync(string correlationId, string videoKey, string videoContentType, DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(videoContentType);
        return TryMoveAnimationAsync(correlationId, CardAnimationStatus.Completed, [CardAnimationStatus.Processing], new()
        {
            [JobItem.AnimationFinishedAt] = JobItem.Time(finishedAt),
            [JobItem.AnimationVideoKey] = JobItem.S(videoKey),
            [JobItem.AnimationVideoContentType] = JobItem.S(videoContentType),
        }, cancellationToken);
    }

    public Task<CardJob?> TryFailAnimationAsync(string correlationId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return TryMoveAnimationAsync(correlationId, CardAnimationStatus.Failed, [CardAnimationStatus.Queued, CardAnimationStatus.Processing], new()
        {
            [JobItem.AnimationFinishedAt] = JobItem.Time(finishedAt),
            [JobItem.AnimationError] = JobItem.S(error),
        }, cancellationToken);
    }

    private Task<CardJob?> TryMoveAnimationAsync(string correlationId, CardAnimationStatus to, CardAnimationStatus[] from,
        Dictionary<string, AttributeValue> set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        var values = new Dictionary<string, AttributeValue>();
        for (var i = 0; i < from.Length; i++)
            values[$":from{i}"] = JobItem.AnimationStatusValue(from[i]);
        return TryUpdateAnimationAsync(correlationId, to, set,
            $"#{JobItem.AnimationStatus} IN ({string.Join(", ", from.Select((_, i) => $":from{i}"))})", [], values, cancellationToken);
    }

    /// <summary>Sets the animation's status and <paramref name="set"/> when <paramref name="condition"/> holds; the card as it is then, or null.</summary>
    private async Task<CardJob?> TryUpdateAnimationAsync(string correlationId, CardAnimationStatus to, Dictionary<string, AttributeValue> set,
        string condition, Dictionary<string, string> names, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        names[$"#{JobItem.AnimationStatus}"] = JobItem.AnimationStatus;
        values[":to"] = JobItem.AnimationStatusValue(to);
        var assignments = SetAssignments.For(set, names, values, $"#{JobItem.AnimationStatus} = :to");

        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(correlationId),
                UpdateExpression = "SET " + string.Join(", ", assignments),
                // attribute_exists: an UpdateItem on a missing key would otherwise create a stray item.
                ConditionExpression = $"attribute_exists(#{JobItem.CorrelationId}) AND ({condition})",
                ExpressionAttributeNames = new(names) { [$"#{JobItem.CorrelationId}"] = JobItem.CorrelationId },
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            await _counters.RecordAnimationAsync(to, cancellationToken);
            return JobItem.FromItem(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return null; // missing, or the move is not allowed
        }
    }
}
