using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>Creates the job table (on-demand, session and time indexes, TTL on <c>expiresAt</c>) when it is missing and waits until it is ACTIVE.</summary>
public static class DynamoDbTableSetup
{
    /// <summary>Describes the table again until it and its indexes are ACTIVE: after 50 ms, then twice as long each time, at most 2 s apart.</summary>
    private static readonly ResiliencePipeline<TableDescription?> UntilActive = new ResiliencePipelineBuilder<TableDescription?>()
        .AddRetry(new RetryStrategyOptions<TableDescription?>
        {
            ShouldHandle = new PredicateBuilder<TableDescription?>().HandleResult(table => !IsActive(table)),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromSeconds(2),
            UseJitter = false,
        })
        .Build();

    /// <summary>Returns what it created or changed (nothing when the table was ready).</summary>
    public static async Task<IReadOnlyList<string>> EnsureTableAsync(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var deadline = new ResiliencePipelineBuilder().AddTimeout(timeout).Build();
        try
        {
            return await deadline.ExecuteAsync(async ct =>
            {
                var done = new List<string>();
                var created = await DescribeAsync(dynamoDb, tableName, ct) is null;
                if (created)
                {
                    await CreateAsync(dynamoDb, tableName, ct);
                    done.Add($"DynamoDB table {tableName}");
                }
                await UntilActive.ExecuteAsync(async attempt => await DescribeAsync(dynamoDb, tableName, attempt), ct);
                switch (await EnableTimeToLiveAsync(dynamoDb, tableName, ct))
                {
                    case TimeToLiveResult.Enabled:
                        done.Add($"TTL on {tableName}.{JobItem.ExpiresAt}");
                        break;
                    case TimeToLiveResult.Unsupported when created:
                        done.Add($"(this DynamoDB server has no TTL: items in {tableName} will not expire)");
                        break;
                }
                return done;
            }, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw new TimeoutException($"DynamoDB table {tableName} did not become ACTIVE within {timeout.TotalSeconds:0} s.");
        }
    }

    private static async Task CreateAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = tableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions =
                [
                    new AttributeDefinition(JobItem.CorrelationId, ScalarAttributeType.S),
                    new AttributeDefinition(JobItem.SessionId, ScalarAttributeType.S),
                    new AttributeDefinition(JobItem.CreatedAt, ScalarAttributeType.S),
                    new AttributeDefinition(EventTimeline.Attribute, ScalarAttributeType.S),
                ],
                KeySchema = [new KeySchemaElement(JobItem.CorrelationId, KeyType.HASH)],
                GlobalSecondaryIndexes =
                [
                    new GlobalSecondaryIndex
                    {
                        IndexName = AwsOptions.SessionIndexName,
                        KeySchema =
                        [
                            new KeySchemaElement(JobItem.SessionId, KeyType.HASH),
                            new KeySchemaElement(JobItem.CreatedAt, KeyType.RANGE),
                        ],
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                    EventTimeline.Index(),
                ],
            }, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Another process created it a moment ago: fine, wait for it below.
        }
    }

    private static bool IsActive(TableDescription? table) =>
        table is not null && table.TableStatus == TableStatus.ACTIVE
        && (table.GlobalSecondaryIndexes ?? []).All(index => index.IndexStatus == IndexStatus.ACTIVE);

    private enum TimeToLiveResult { AlreadyOn, Enabled, Unsupported }

    private static async Task<TimeToLiveResult> EnableTimeToLiveAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var current = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken);
            var status = current.TimeToLiveDescription?.TimeToLiveStatus;
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
                return TimeToLiveResult.AlreadyOn;
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = JobItem.ExpiresAt, Enabled = true },
            }, cancellationToken);
            return TimeToLiveResult.Enabled;
        }
        catch (AmazonDynamoDBException ex) when (ex.ErrorCode is "UnknownOperationException")
        {
            return TimeToLiveResult.Unsupported;
        }
    }

    private static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
