using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// A record's status change as one UpdateItem conditioned on its current <c>status</c> (cards and feedback alike): the
/// item before and after when the move was allowed, so the caller's counters learn what it left; null when the record is
/// missing or its status may not move (a finished record never moves again).
/// </summary>
internal static class StatusMoves
{
    public static async Task<(Dictionary<string, AttributeValue> Before, Dictionary<string, AttributeValue> After)?> TryMoveAsync(
        IAmazonDynamoDB dynamoDb, string tableName, Dictionary<string, AttributeValue> key, string to, IReadOnlyList<string> from,
        Dictionary<string, AttributeValue> set, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#status"] = JobItem.Status };
        var values = new Dictionary<string, AttributeValue> { [":to"] = JobItem.S(to) };
        for (var i = 0; i < from.Count; i++)
            values[$":from{i}"] = JobItem.S(from[i]);
        var assignments = SetAssignments.For(set, names, values, "#status = :to");

        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = key,
                UpdateExpression = "SET " + string.Join(", ", assignments),
                ConditionExpression = $"#status IN ({string.Join(", ", from.Select((_, i) => $":from{i}"))})",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_OLD,
            }, cancellationToken);
            // The new item is the old one plus the update.
            var after = new Dictionary<string, AttributeValue>(response.Attributes) { [JobItem.Status] = JobItem.S(to) };
            foreach (var (name, value) in set)
                after[name] = value;
            return (response.Attributes, after);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }
}
