using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>Adds the <see cref="EventTimeline"/> index to a table made before it existed (cards made before are not in it).</summary>
internal static class EventTimelineSetup
{
    public static async Task<bool> AddIfMissingAsync(IAmazonDynamoDB dynamoDb, TableDescription table, CancellationToken cancellationToken)
    {
        if ((table.GlobalSecondaryIndexes ?? []).Any(index => index.IndexName == EventTimeline.IndexName))
            return false;
        var index = EventTimeline.Index();
        try
        {
            await dynamoDb.UpdateTableAsync(new UpdateTableRequest
            {
                TableName = table.TableName,
                AttributeDefinitions = [new AttributeDefinition(EventTimeline.Attribute, ScalarAttributeType.S), new AttributeDefinition(JobItem.CreatedAt, ScalarAttributeType.S)],
                GlobalSecondaryIndexUpdates =
                [
                    new GlobalSecondaryIndexUpdate
                    {
                        Create = new CreateGlobalSecondaryIndexAction { IndexName = index.IndexName, KeySchema = index.KeySchema, Projection = index.Projection },
                    },
                ],
            }, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Another process is adding it right now: wait for it like for our own.
        }
        return true;
    }
}
