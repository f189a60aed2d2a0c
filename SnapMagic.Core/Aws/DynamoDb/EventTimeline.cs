using Amazon.DynamoDBv2.Model;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// The index of the whole event by time: every card item carries <c>timeline = "cards"</c>, so the index
/// <see cref="IndexName"/> (<c>timeline</c> + <c>createdAt</c>) lists the event's cards in order with a Query,
/// never a Scan. One partition for the event is plenty for an event's few thousand cards an hour. Feedback items
/// carry <c>timeline = "feedback"</c>: a partition of their own, so no card query ever meets one.
/// </summary>
internal static class EventTimeline
{
    public const string IndexName = "byTime";
    public const string Attribute = "timeline";
    public const string Cards = "cards";
    public const string Feedback = "feedback";

    public static GlobalSecondaryIndex Index() => new()
    {
        IndexName = IndexName,
        KeySchema =
        [
            new KeySchemaElement(Attribute, Amazon.DynamoDBv2.KeyType.HASH),
            new KeySchemaElement(JobItem.CreatedAt, Amazon.DynamoDBv2.KeyType.RANGE),
        ],
        Projection = new Projection { ProjectionType = Amazon.DynamoDBv2.ProjectionType.ALL },
    };

    /// <summary>The <paramref name="timeline"/> partition (<see cref="Cards"/> unless said) in order of creation.</summary>
    public static QueryRequest Query(string tableName, bool oldestFirst, string timeline = Cards) => new()
    {
        TableName = tableName,
        IndexName = IndexName,
        KeyConditionExpression = "#timeline = :timeline",
        ExpressionAttributeNames = new() { ["#timeline"] = Attribute },
        ExpressionAttributeValues = new() { [":timeline"] = JobItem.S(timeline) },
        ScanIndexForward = oldestFirst,
    };
}
