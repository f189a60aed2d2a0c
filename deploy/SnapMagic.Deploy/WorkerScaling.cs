using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// Worker tasks follow the queue: target tracking on the backlog per task (visible card messages divided by running
/// worker tasks) keeps about <see cref="EventStackOptions.BacklogPerWorker"/> queued cards per task, between the
/// minimum and maximum given. At the event's end a scheduled action lowers the minimum to
/// <see cref="EventStackOptions.WorkersAfterEvent"/>.
/// </summary>
public sealed class WorkerScaling : Construct
{
    /// <summary>
    /// Backlog per task. FILL and MAX keep it defined with no running task (no RunningTaskCount data point, or zero),
    /// so a card queued after the minimum reached zero still starts a task.
    /// </summary>
    public const string BacklogPerTaskExpression = "visible / MAX([FILL(running, 0), 1])";

    public CfnScalableTarget Target { get; }
    public CfnScalingPolicy BacklogPolicy { get; }

    public WorkerScaling(Construct scope, string id, EventStackOptions options, Cluster cluster, FargateService worker, Queue cardQueue)
        : base(scope, id)
    {
        Target = new CfnScalableTarget(this, "Target", new CfnScalableTargetProps
        {
            ServiceNamespace = "ecs",
            ScalableDimension = "ecs:service:DesiredCount",
            ResourceId = $"service/{cluster.ClusterName}/{worker.ServiceName}",
            MinCapacity = options.WorkersMin,
            MaxCapacity = options.WorkersMax,
            // Application Auto Scaling's service-linked role for ECS (created on first use in the account).
            RoleArn = $"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
            ScheduledActions = new[]
            {
                new CfnScalableTarget.ScheduledActionProperty
                {
                    ScheduledActionName = "after-the-event",
                    Schedule = $"at({options.EventEnd.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss})",
                    Timezone = "Etc/UTC",
                    ScalableTargetAction = new CfnScalableTarget.ScalableTargetActionProperty
                    {
                        MinCapacity = options.WorkersAfterEvent,
                        MaxCapacity = options.WorkersMax,
                    },
                },
            },
        });
        Target.Node.AddDependency(worker);

        BacklogPolicy = new CfnScalingPolicy(this, "BacklogPerTask", new CfnScalingPolicyProps
        {
            PolicyName = $"{options.StackName}-worker-backlog-per-task",
            PolicyType = "TargetTrackingScaling",
            ScalingTargetId = Target.Ref,
            TargetTrackingScalingPolicyConfiguration = new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
            {
                TargetValue = options.BacklogPerWorker,
                ScaleOutCooldown = 60,
                ScaleInCooldown = 300,
                CustomizedMetricSpecification = new CfnScalingPolicy.CustomizedMetricSpecificationProperty
                {
                    Metrics = new[]
                    {
                        MetricQuery("visible", "Sum", "AWS/SQS", "ApproximateNumberOfMessagesVisible", ("QueueName", cardQueue.QueueName)),
                        MetricQuery("running", "Average", "ECS/ContainerInsights", "RunningTaskCount",
                            ("ClusterName", cluster.ClusterName), ("ServiceName", worker.ServiceName)),
                        new CfnScalingPolicy.TargetTrackingMetricDataQueryProperty
                        {
                            Id = "backlogPerTask",
                            Label = "Queued cards per worker task",
                            Expression = BacklogPerTaskExpression,
                            ReturnData = true,
                        },
                    },
                },
            },
        });
    }

    /// <summary>One metric the policy's expression reads (not itself the tracked value).</summary>
    private static CfnScalingPolicy.TargetTrackingMetricDataQueryProperty MetricQuery(string id, string stat, string metricNamespace,
        string metricName, params (string Name, string Value)[] dimensions) => new()
    {
        Id = id,
        ReturnData = false,
        MetricStat = new CfnScalingPolicy.TargetTrackingMetricStatProperty
        {
            Stat = stat,
            Metric = new CfnScalingPolicy.TargetTrackingMetricProperty
            {
                Namespace = metricNamespace,
                MetricName = metricName,
                Dimensions = dimensions.Select(d => new CfnScalingPolicy.TargetTrackingMetricDimensionProperty { Name = d.Name, Value = d.Value }).ToArray(),
            },
        },
    };
}
