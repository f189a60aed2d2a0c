using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// The event removes itself: a one-off EventBridge Scheduler schedule tells the organizer's topic
/// <see cref="EventStackOptions.TeardownNoticeHours"/> before, and another one, <see cref="EventStackOptions.TeardownDays"/>
/// after the event's end, runs a small function that empties the image bucket (CloudFormation cannot delete a bucket
/// with objects) and then calls CloudFormation DeleteStack on this stack with the CDK bootstrap's deployment role,
/// the role that created it. The function's own role may do exactly that and nothing else.
/// </summary>
public sealed class Teardown : Construct
{
    public const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public Function EmptyAndDelete { get; }
    public CfnSchedule DeleteSchedule { get; }
    public CfnSchedule NoticeSchedule { get; }

    /// <summary>The schedule expression of a one-off time, in UTC (the schedules' time zone).</summary>
    public static string At(DateTimeOffset time) => $"at({time.UtcDateTime.ToString(AtFormat, System.Globalization.CultureInfo.InvariantCulture)})";

    public Teardown(Construct scope, string id, EventStackOptions options, Bucket imageBucket, Topic organizerTopic)
        : base(scope, id)
    {
        // The role CloudFormation deployed the stack with (cdk bootstrap's); it may delete what it created.
        var deploymentRoleArn =
            $"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:role/cdk-{DefaultStackSynthesizer.DEFAULT_QUALIFIER}-cfn-exec-role-{Aws.ACCOUNT_ID}-{Aws.REGION}";

        EmptyAndDelete = new Function(this, "EmptyBucketAndDeleteStack", new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_12,
            Handler = "index.handler",
            Timeout = Duration.Minutes(15),
            MemorySize = 256,
            Description = $"Tears {options.StackName} down: empties its image bucket, then deletes the stack.",
            Code = Code.FromInline("""
                import os
                import boto3

                def handler(event, context):
                    bucket = boto3.resource("s3").Bucket(os.environ["BUCKET_NAME"])
                    bucket.objects.all().delete()
                    boto3.client("cloudformation").delete_stack(
                        StackName=os.environ["STACK_ID"], RoleARN=os.environ["DEPLOYMENT_ROLE_ARN"])
                    return {"deleting": os.environ["STACK_ID"]}
                """),
            Environment = new Dictionary<string, string>
            {
                ["BUCKET_NAME"] = imageBucket.BucketName,
                ["STACK_ID"] = Aws.STACK_ID,
                ["DEPLOYMENT_ROLE_ARN"] = deploymentRoleArn,
            },
            LogGroup = new LogGroup(this, "Logs", new LogGroupProps
            {
                Retention = Observability.LogRetention(options.LogRetentionDays),
                RemovalPolicy = RemovalPolicy.DESTROY,
            }),
        });
        var role = EmptyAndDelete.Role!;
        role.AddToPrincipalPolicy(Statement("ListTheImages", [imageBucket.BucketArn], "s3:ListBucket"));
        role.AddToPrincipalPolicy(Statement("DeleteTheImages", [imageBucket.ArnForObjects("*")], "s3:DeleteObject"));
        role.AddToPrincipalPolicy(Statement("DeleteThisStack", [Aws.STACK_ID], "cloudformation:DeleteStack"));
        role.AddToPrincipalPolicy(Statement("DeleteWithTheDeploymentRole", [deploymentRoleArn], "iam:PassRole"));

        var schedulerRole = new Role(this, "SchedulerRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com"),
            Description = $"Runs the teardown of {options.StackName} and tells the organizer before.",
        });
        schedulerRole.AddToPrincipalPolicy(Statement("RunTheTeardown", [EmptyAndDelete.FunctionArn], "lambda:InvokeFunction"));
        schedulerRole.AddToPrincipalPolicy(Statement("NotifyTheOrganizer", [organizerTopic.TopicArn], "sns:Publish"));

        NoticeSchedule = OneOffSchedule("NoticeSchedule", $"{options.StackName}-teardown-notice",
            $"Tells the organizer that {options.StackName} will be deleted at {options.TeardownAt:u}.", options.TeardownNoticeAt,
            new CfnSchedule.TargetProperty
            {
                Arn = organizerTopic.TopicArn,
                RoleArn = schedulerRole.RoleArn,
                Input = $"SnapMagic event '{options.EventId}' (stack {options.StackName}) and all its cards, images and logs will be deleted " +
                        $"at {options.TeardownAt:u}. Download the cards CSV and any images you want to keep before then.",
            });

        DeleteSchedule = OneOffSchedule("DeleteSchedule", $"{options.StackName}-teardown",
            $"Deletes {options.StackName} {options.TeardownDays} days after the event's end ({options.EventEnd:u}).", options.TeardownAt,
            new CfnSchedule.TargetProperty
            {
                Arn = EmptyAndDelete.FunctionArn,
                RoleArn = schedulerRole.RoleArn,
                RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumRetryAttempts = 3 },
            });
    }

    private static PolicyStatement Statement(string sid, string[] resources, params string[] actions) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });

    /// <summary>An EventBridge Scheduler schedule that fires once, at <paramref name="at"/> (UTC), exactly then.</summary>
    private CfnSchedule OneOffSchedule(string id, string name, string description, DateTimeOffset at, CfnSchedule.TargetProperty target) =>
        new(this, id, new CfnScheduleProps
        {
            Name = name,
            Description = description,
            ScheduleExpression = At(at),
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            Target = target,
        });
}
