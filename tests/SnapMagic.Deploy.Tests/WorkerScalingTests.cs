namespace SnapMagic.Deploy.Tests;

/// <summary>Worker tasks follow the queue's backlog per task, between the options' bounds, and shrink after the event.</summary>
public class WorkerScalingTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    [Fact]
    public void Target_tracking_aims_at_the_backlog_per_worker_task()
    {
        var policy = synthesized.Resources("AWS::ApplicationAutoScaling::ScalingPolicy").Single().Resource["Properties"]!;
        var tracking = policy["TargetTrackingScalingPolicyConfiguration"]!;
        var metrics = tracking["CustomizedMetricSpecification"]!["Metrics"]!.AsArray();

        Assert.Equal("TargetTrackingScaling", (string?)policy["PolicyType"]);
        Assert.Equal(4, (double?)tracking["TargetValue"]);
        var visible = metrics.Single(m => (string?)m!["Id"] == "visible")!["MetricStat"]!["Metric"]!;
        Assert.Equal("AWS/SQS", (string?)visible["Namespace"]);
        Assert.Equal("ApproximateNumberOfMessagesVisible", (string?)visible["MetricName"]);
        var queue = synthesized.LogicalId(synthesized.Stack.Data.CardQueue);
        Assert.Contains(queue, visible["Dimensions"]![0]!["Value"]!.ToJsonString());
        var running = metrics.Single(m => (string?)m!["Id"] == "running")!["MetricStat"]!["Metric"]!;
        Assert.Equal("RunningTaskCount", (string?)running["MetricName"]);
        var backlog = metrics.Single(m => (bool?)m!["ReturnData"] == true)!;
        Assert.Equal(WorkerScaling.BacklogPerTaskExpression, (string?)backlog["Expression"]);
    }

    [Fact]
    public void The_worker_service_scales_between_the_minimum_and_maximum_and_drops_to_the_after_event_minimum_at_the_end()
    {
        var target = synthesized.Resources("AWS::ApplicationAutoScaling::ScalableTarget").Single().Resource["Properties"]!;

        Assert.Equal(1, (int?)target["MinCapacity"]);
        Assert.Equal(10, (int?)target["MaxCapacity"]);
        Assert.Equal("ecs:service:DesiredCount", (string?)target["ScalableDimension"]);
        Assert.Contains(synthesized.LogicalId(synthesized.Stack.Services.Worker), target["ResourceId"]!.ToJsonString());
        var afterEvent = target["ScheduledActions"]!.AsArray().Single()!;
        Assert.Equal("at(2026-12-06T18:00:00)", (string?)afterEvent["Schedule"]);
        Assert.Equal(0, (int?)afterEvent["ScalableTargetAction"]!["MinCapacity"]);
    }

    [Fact]
    public void The_cluster_reports_running_tasks_for_the_backlog_metric()
    {
        var settings = synthesized.Resources("AWS::ECS::Cluster").Single().Resource["Properties"]!["ClusterSettings"]!.ToJsonString();

        Assert.Contains("containerInsights", settings);
        Assert.Contains("enabled", settings);
    }
}
