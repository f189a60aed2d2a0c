using System.Text.Json.Nodes;

namespace SnapMagic.Deploy.Tests;

/// <summary>Reading IAM policy statements out of a synthesized template.</summary>
public static class IamStatements
{
    public static IEnumerable<JsonObject> Statements(JsonNode? document) =>
        document?["Statement"]?.AsArray().Select(statement => statement!.AsObject()) ?? [];

    public static IEnumerable<string> Actions(JsonObject statement) => Strings(statement["Action"]);

    /// <summary>The statement's resources as JSON text (CloudFormation functions included), one per resource.</summary>
    public static IReadOnlyList<string> Resources(JsonObject statement) => statement["Resource"] switch
    {
        JsonArray resources => resources.Select(resource => resource!.ToJsonString()).ToList(),
        { } resource => [resource.ToJsonString()],
        _ => [],
    };

    /// <summary>The statements of the policy attached to a service's task role (<c>api</c>, <c>worker</c>, <c>web</c>).</summary>
    public static List<JsonObject> TaskRoleStatements(this SynthesizedEvent synthesized, string service)
    {
        var task = synthesized.Resources("AWS::ECS::TaskDefinition")
            .Single(task => task.Resource["Properties"]!["ContainerDefinitions"]!.AsArray().Any(c => (string?)c!["Name"] == service));
        var role = (string)task.Resource["Properties"]!["TaskRoleArn"]!["Fn::GetAtt"]![0]!;
        return synthesized.Resources("AWS::IAM::Policy")
            .Where(policy => policy.Resource["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == role))
            .SelectMany(policy => Statements(policy.Resource["Properties"]!["PolicyDocument"]))
            .ToList();
    }

    public static JsonObject Statement(this IEnumerable<JsonObject> statements, string sid) =>
        statements.Single(statement => (string?)statement["Sid"] == sid);

    /// <summary>The statements that allow <paramref name="action"/>.</summary>
    public static List<JsonObject> Allowing(this IEnumerable<JsonObject> statements, string action) =>
        statements.Where(statement => Actions(statement).Contains(action)).ToList();

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray values => values.Select(value => (string)value!),
        JsonValue value => [(string)value!],
        _ => [],
    };
}
