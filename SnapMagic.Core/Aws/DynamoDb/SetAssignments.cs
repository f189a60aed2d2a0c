using Amazon.DynamoDBv2.Model;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>The <c>SET</c> terms of an UpdateItem for a set of attributes, each named <c>#name</c> with its value <c>:name</c>.</summary>
internal static class SetAssignments
{
    /// <summary>Adds each attribute's name and value to the expression's maps and returns its <c>#name = :name</c> terms after <paramref name="first"/>.</summary>
    public static List<string> For(Dictionary<string, AttributeValue> set, Dictionary<string, string> names, Dictionary<string, AttributeValue> values,
        string first)
    {
        var assignments = new List<string> { first };
        foreach (var (name, value) in set)
        {
            names[$"#{name}"] = name;
            values[$":{name}"] = value;
            assignments.Add($"#{name} = :{name}");
        }
        return assignments;
    }

}
