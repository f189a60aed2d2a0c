namespace SnapMagic.Deploy.Tests;

/// <summary>The alarms the seeds name, to the organizer's topic (subscribed by e-mail).</summary>
public class AlarmsTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    private System.Text.Json.Nodes.JsonNode Alarm(Amazon.CDK.AWS.CloudWatch.Alarm alarm) => synthesized.Resource(synthesized.LogicalId(alarm))["Properties"]!;

    private string Topic => synthesized.LogicalId(synthesized.Stack.Observability.OrganizerTopic);

    [Fact]
    public void The_organizer_gets_the_alarms_by_email()
    {
        synthesized.Template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = "host@example.com",
            ["TopicArn"] = new Dictionary<string, object> { ["Ref"] = Topic },
        });
        foreach (var alarm in new[] { synthesized.Stack.Alarms.ErrorRate, synthesized.Stack.Alarms.CardLatency, synthesized.Stack.Alarms.DeadLetters })
            Assert.Contains(Topic, Alarm(alarm)["AlarmActions"]!.ToJsonString());
    }

    [Fact]
    public void More_than_five_percent_of_requests_failing_alarms()
    {
        var alarm = Alarm(synthesized.Stack.Alarms.ErrorRate);

        Assert.Equal(5, (double?)alarm["Threshold"]);
        Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
        var metrics = alarm["Metrics"]!.ToJsonString();
        Assert.Contains("HTTPCode_Target_5XX_Count", metrics);
        Assert.Contains("RequestCount", metrics);
    }

    [Fact]
    public void A_card_waiting_over_thirty_seconds_alarms()
    {
        var alarm = Alarm(synthesized.Stack.Alarms.CardLatency);

        Assert.Equal("ApproximateAgeOfOldestMessage", (string?)alarm["MetricName"]);
        Assert.Equal(30, (double?)alarm["Threshold"]);
    }

    [Fact]
    public void Any_dead_letter_alarms()
    {
        var alarm = Alarm(synthesized.Stack.Alarms.DeadLetters);

        Assert.Equal(0, (double?)alarm["Threshold"]);
        Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
        Assert.Contains(synthesized.LogicalId(synthesized.Stack.Data.DeadLetterQueue), alarm["Metrics"]!.ToJsonString());
    }

    [Fact]
    public void Three_failed_animations_in_fifteen_minutes_alarm_the_organizer()
    {
        var alarm = Alarm(synthesized.Stack.Alarms.FailedAnimations!);
        var query = alarm["Metrics"]!.AsArray().Single()!;

        // Metrics Insights sums the worker's counter over whatever dimensions the collector's EMF exporter gives it.
        Assert.Equal("SELECT SUM(\"snapmagic.animations.failed\") FROM \"SnapMagic\"", (string?)query["Expression"]);
        Assert.Equal(900, (int?)query["Period"]);
        Assert.Equal(3, (double?)alarm["Threshold"]);
        Assert.Equal("GreaterThanOrEqualToThreshold", (string?)alarm["ComparisonOperator"]);
        Assert.Equal("notBreaching", (string?)alarm["TreatMissingData"]);
        Assert.Contains(Topic, alarm["AlarmActions"]!.ToJsonString());
    }

    [Fact]
    public void The_events_cost_is_budgeted_and_notifies_the_topic()
    {
        var budget = synthesized.Resources("AWS::Budgets::Budget").Single().Resource["Properties"]!;

        Assert.Equal(100, (double?)budget["Budget"]!["BudgetLimit"]!["Amount"]);
        Assert.Equal("user:snapmagic:event$reinvent", (string?)budget["Budget"]!["CostFilters"]!["TagKeyValue"]![0]);
        Assert.Contains(Topic, budget["NotificationsWithSubscribers"]!.ToJsonString());
    }
}
