using Amazon.CDK;
using Amazon.CDK.AWS.Budgets;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// The alarms an organizer acts on, all to the organizer's topic: more than 5 % of requests failing, a card waiting
/// more than 30 s, any dead letter, animations failing (with the ADOT collector, whose metrics reach CloudWatch), and
/// the event's cost against its budget.
/// </summary>
public sealed class Alarms : Construct
{
    public const double ErrorRatePercent = 5;
    public const int CardLatencySeconds = 30;
    public const string CostTagKey = "snapmagic:event";
    /// <summary>The worker's counter of animations that ended <c>failed</c> (name proposed to the worker; EMF keeps it as is).</summary>
    public const string FailedAnimationsMetric = "snapmagic.animations.failed";
    public const int FailedAnimationsThreshold = 3;

    public Alarm ErrorRate { get; }
    public Alarm CardLatency { get; }
    public Alarm DeadLetters { get; }
    /// <summary>Null with an external OTLP endpoint: the worker's metrics then never reach CloudWatch.</summary>
    public Alarm? FailedAnimations { get; }
    public CfnBudget CostBudget { get; }

    public Alarms(Construct scope, string id, EventStackOptions options, Observability observability, ApplicationLoadBalancer alb, Queue cardQueue, Queue deadLetterQueue)
        : base(scope, id)
    {
        var topic = observability.OrganizerTopic;
        var action = new SnsAction(topic);
        var fiveMinutes = Duration.Minutes(5);

        // 5xx answers from the targets and from the load balancer itself, over all requests; no traffic is no alarm.
        ErrorRate = new MathExpression(new MathExpressionProps
        {
            Expression = "100 * (FILL(targetErrors, 0) + FILL(lbErrors, 0)) / FILL(requests, 1)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["targetErrors"] = alb.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }),
                ["lbErrors"] = alb.Metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }),
                ["requests"] = alb.Metrics.RequestCount(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }),
            },
            Label = "5xx per 100 requests",
            Period = fiveMinutes,
        }).CreateAlarm(this, "ErrorRate", new CreateAlarmOptions
        {
            AlarmDescription = $"More than {ErrorRatePercent} % of the requests to {options.StackName} failed (5xx) in 5 minutes.",
            Threshold = ErrorRatePercent,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });

        // A card whose message has waited this long in the queue cannot come back in time: the age of the oldest
        // queued card is the part of a card's latency that grows when workers fall behind or the model throttles.
        CardLatency = cardQueue.MetricApproximateAgeOfOldestMessage(new MetricOptions { Period = Duration.Minutes(1), Statistic = "Maximum" })
            .CreateAlarm(this, "CardLatency", new CreateAlarmOptions
            {
                AlarmDescription = $"A card has waited more than {CardLatencySeconds} s for a worker in {options.StackName}.",
                Threshold = CardLatencySeconds,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                EvaluationPeriods = 2,
                DatapointsToAlarm = 2,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });

        // The worker's sweeper hides swept dead letters for hours, so count the invisible ones too.
        DeadLetters = new MathExpression(new MathExpressionProps
        {
            Expression = "FILL(visible, 0) + FILL(hidden, 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["visible"] = deadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Duration.Minutes(1), Statistic = "Maximum" }),
                ["hidden"] = deadLetterQueue.MetricApproximateNumberOfMessagesNotVisible(new MetricOptions { Period = Duration.Minutes(1), Statistic = "Maximum" }),
            },
            Label = "Dead letters",
            Period = Duration.Minutes(1),
        }).CreateAlarm(this, "DeadLetters", new CreateAlarmOptions
        {
            AlarmDescription = $"Cards of {options.StackName} failed for good: their messages are in the dead-letter queue.",
            Threshold = 0,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });

        // Videos cost dollars each: a run of failures (the model refusing, throttling or gone) is worth a look at once.
        // A Metrics Insights query sums the counter over whatever dimensions the EMF exporter gives it.
        if (observability.MetricsLogGroup is not null)
        {
            FailedAnimations = new MathExpression(new MathExpressionProps
            {
                Expression = $"SELECT SUM(\"{FailedAnimationsMetric}\") FROM \"{Observability.MetricsNamespace}\"",
                UsingMetrics = new Dictionary<string, IMetric>(),
                Label = "Failed animations",
                Period = Duration.Minutes(15),
            }).CreateAlarm(this, "FailedAnimations", new CreateAlarmOptions
            {
                AlarmDescription = $"{FailedAnimationsThreshold} or more animations of {options.StackName} failed in 15 minutes " +
                                   $"({options.VideoModel.Family} in {options.VideoModel.Region}); see the worker's logs.",
                Threshold = FailedAnimationsThreshold,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
        }

        foreach (var alarm in new[] { ErrorRate, CardLatency, DeadLetters, FailedAnimations })
            alarm?.AddAlarmAction(action);

        // Costs of resources tagged with the event (activate the tag as a cost allocation tag once per account).
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "BudgetsMayNotify",
            Principals = [new ServicePrincipal("budgets.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID } },
        }));
        CostBudget = new CfnBudget(this, "CostBudget", new CfnBudgetProps
        {
            Budget = new CfnBudget.BudgetDataProperty
            {
                BudgetName = $"{options.StackName}-cost",
                BudgetType = "COST",
                TimeUnit = "MONTHLY",
                BudgetLimit = new CfnBudget.SpendProperty { Amount = options.BudgetUsd, Unit = "USD" },
                CostFilters = new Dictionary<string, object> { ["TagKeyValue"] = new[] { $"user:{CostTagKey}${options.EventId}" } },
            },
            NotificationsWithSubscribers = new[] { Notification("ACTUAL", 80, topic), Notification("FORECASTED", 100, topic) },
        });
    }

    private static CfnBudget.NotificationWithSubscribersProperty Notification(string type, int percent, Topic topic) => new()
    {
        Notification = new CfnBudget.NotificationProperty
        {
            NotificationType = type,
            ComparisonOperator = "GREATER_THAN",
            Threshold = percent,
            ThresholdType = "PERCENTAGE",
        },
        Subscribers = new[] { new CfnBudget.SubscriberProperty { SubscriptionType = "SNS", Address = topic.TopicArn } },
    };
}
