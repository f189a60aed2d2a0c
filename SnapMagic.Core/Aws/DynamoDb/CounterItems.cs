using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>Counter items of the job table: named numbers on one item, changed with UpdateItem ADD (atomic, no read first).</summary>
internal static class CounterItems
{
    /// <summary>
    /// What a change of a record does to the counters: -1 on each counter its old state counted in, +1 on each its new
    /// state counts in, those that cancel left out.
    /// </summary>
    public static Dictionary<string, long> Changes(IEnumerable<string> before, IEnumerable<string> after)
    {
        var add = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var counter in before)
            add[counter] = add.GetValueOrDefault(counter) - 1;
        foreach (var counter in after)
            add[counter] = add.GetValueOrDefault(counter) + 1;
        return add.Where(change => change.Value != 0).ToDictionary(StringComparer.Ordinal);
    }

    public static Task AddAsync(IAmazonDynamoDB dynamoDb, string tableName, string key, IReadOnlyDictionary<string, long> add,
        CancellationToken cancellationToken)
    {
        if (add.Count == 0)
            return Task.CompletedTask;
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

    /// <summary>The counter item's attributes (empty when nothing was counted yet), read consistently.</summary>
    public static async Task<Dictionary<string, AttributeValue>> ReadAsync(IAmazonDynamoDB dynamoDb, string tableName, string key,
        CancellationToken cancellationToken) =>
        (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(key), ConsistentRead = true }, cancellationToken)).Item ?? [];

    public static long Count(Dictionary<string, AttributeValue> counters, string name) =>
        counters.TryGetValue(name, out var value) && value.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : 0;

    public static Dictionary<string, AttributeValue> Key(string key) => new() { [JobItem.CorrelationId] = JobItem.S(key) };
}
