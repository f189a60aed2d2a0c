namespace SnapMagic.Deploy.Tests;

/// <summary>The stack deletes itself N days after the event's end, empties its bucket first, and warns the organizer before.</summary>
public class TeardownTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    private System.Text.Json.Nodes.JsonNode Schedule(string name) =>
        synthesized.Resources("AWS::Scheduler::Schedule").Single(s => (string?)s.Resource["Properties"]!["Name"] == name).Resource["Properties"]!;

    [Fact]
    public void The_teardown_runs_once_at_the_events_end_plus_the_teardown_days()
    {
        var schedule = Schedule("SnapMagic-reinvent-teardown");
        var expected = synthesized.Options.EventEnd.AddDays(14);

        Assert.Equal($"at({expected.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss})", (string?)schedule["ScheduleExpression"]);
        Assert.Equal("at(2026-12-20T18:00:00)", (string?)schedule["ScheduleExpression"]);
        Assert.Equal("UTC", (string?)schedule["ScheduleExpressionTimezone"]);
        Assert.Contains(synthesized.LogicalId(synthesized.Stack.Teardown.EmptyAndDelete), schedule["Target"]!["Arn"]!.ToJsonString());
    }

    [Fact]
    public void The_organizer_is_told_before_the_teardown()
    {
        var notice = Schedule("SnapMagic-reinvent-teardown-notice");

        Assert.Equal("at(2026-12-18T18:00:00)", (string?)notice["ScheduleExpression"]);
        Assert.Contains(synthesized.LogicalId(synthesized.Stack.Observability.OrganizerTopic), notice["Target"]!["Arn"]!.ToJsonString());
        Assert.Contains("2026-12-20 18:00:00Z", (string?)notice["Target"]!["Input"]);
    }

    [Fact]
    public void The_teardown_function_empties_the_bucket_then_deletes_this_stack_and_may_do_nothing_else()
    {
        var function = synthesized.Resource(synthesized.LogicalId(synthesized.Stack.Teardown.EmptyAndDelete))["Properties"]!;
        var code = (string)function["Code"]!["ZipFile"]!;
        Assert.True(code.IndexOf("objects.all().delete()", StringComparison.Ordinal) < code.IndexOf("delete_stack", StringComparison.Ordinal));
        Assert.Contains("AWS::StackId", function["Environment"]!["Variables"]!["STACK_ID"]!.ToJsonString());

        var role = (string)function["Role"]!["Fn::GetAtt"]![0]!;
        var actions = synthesized.Resources("AWS::IAM::Policy")
            .Where(policy => policy.Resource["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == role))
            .SelectMany(policy => policy.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .ToDictionary(statement => (string)statement!["Sid"]!, statement => statement!["Action"]!.ToJsonString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ListTheImages"] = "\"s3:ListBucket\"",
                ["DeleteTheImages"] = "\"s3:DeleteObject\"",
                ["DeleteThisStack"] = "\"cloudformation:DeleteStack\"",
                ["DeleteWithTheDeploymentRole"] = "\"iam:PassRole\"",
            },
            actions);
    }

    [Fact]
    public void The_bucket_can_be_deleted_with_the_stack()
    {
        var bucket = synthesized.Resource(synthesized.LogicalId(synthesized.Stack.Data.ImageBucket));

        Assert.Equal("Delete", (string?)bucket["DeletionPolicy"]);
    }
}
