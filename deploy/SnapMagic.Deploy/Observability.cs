using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// Where the event's signals go: each service's console log to its own CloudWatch Logs group (with a retention),
/// traces and metrics over OTLP to an ADOT collector sidecar in each task (traces to X-Ray, metrics as EMF to
/// CloudWatch, namespace <see cref="MetricsNamespace"/>) or to the <c>--otlp-endpoint</c> given, and the organizer's
/// SNS topic the alarms and the teardown notice publish to.
/// </summary>
public sealed class Observability : Construct
{
    public const string MetricsNamespace = "SnapMagic";
    public const string CollectorImage = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";
    private const string CollectorOtlpGrpc = "http://localhost:4317";

    private readonly EventStackOptions _options;
    private readonly RetentionDays _retention;

    public Topic OrganizerTopic { get; }

    /// <summary>The collector's EMF log group (metrics); null with an external OTLP endpoint.</summary>
    public LogGroup? MetricsLogGroup { get; }

    public Observability(Construct scope, string id, EventStackOptions options) : base(scope, id)
    {
        _options = options;
        _retention = LogRetention(options.LogRetentionDays);

        OrganizerTopic = new Topic(this, "OrganizerTopic", new TopicProps
        {
            DisplayName = $"SnapMagic {options.EventId}",
            EnforceSSL = true,
        });
        if (options.OrganizerEmail is { } email)
            OrganizerTopic.AddSubscription(new EmailSubscription(email));

        if (options.OtlpEndpoint is null)
        {
            MetricsLogGroup = new LogGroup(this, "MetricsLogs", new LogGroupProps
            {
                LogGroupName = $"/snapmagic/{options.EventId}/metrics",
                Retention = _retention,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
        }
    }

    /// <summary>The enum member for a number of days (the enum's values are not the days).</summary>
    public static RetentionDays LogRetention(int days) => days switch
    {
        1 => RetentionDays.ONE_DAY,
        3 => RetentionDays.THREE_DAYS,
        5 => RetentionDays.FIVE_DAYS,
        7 => RetentionDays.ONE_WEEK,
        14 => RetentionDays.TWO_WEEKS,
        30 => RetentionDays.ONE_MONTH,
        60 => RetentionDays.TWO_MONTHS,
        90 => RetentionDays.THREE_MONTHS,
        120 => RetentionDays.FOUR_MONTHS,
        150 => RetentionDays.FIVE_MONTHS,
        180 => RetentionDays.SIX_MONTHS,
        365 => RetentionDays.ONE_YEAR,
        400 => RetentionDays.THIRTEEN_MONTHS,
        545 => RetentionDays.EIGHTEEN_MONTHS,
        731 => RetentionDays.TWO_YEARS,
        1096 => RetentionDays.THREE_YEARS,
        1827 => RetentionDays.FIVE_YEARS,
        2192 => RetentionDays.SIX_YEARS,
        2557 => RetentionDays.SEVEN_YEARS,
        2922 => RetentionDays.EIGHT_YEARS,
        3288 => RetentionDays.NINE_YEARS,
        3653 => RetentionDays.TEN_YEARS,
        _ => throw new ArgumentOutOfRangeException(nameof(days), days, "CloudWatch Logs has no such retention."),
    };

    public LogGroup ServiceLogGroup(string service) => new(this, $"{service}Logs", new LogGroupProps
    {
        LogGroupName = $"/snapmagic/{_options.EventId}/{service.ToLowerInvariant()}",
        Retention = _retention,
        RemovalPolicy = RemovalPolicy.DESTROY,
    });

    /// <summary>The OTLP settings of a service's container.</summary>
    public Dictionary<string, string> TelemetryEnvironment(string service) => new()
    {
        [ServiceSettings.OtlpEndpoint] = _options.OtlpEndpoint?.ToString().TrimEnd('/') ?? CollectorOtlpGrpc,
        [ServiceSettings.OtlpProtocol] = "grpc",
        [ServiceSettings.OtelServiceName] = service.ToLowerInvariant(),
        [ServiceSettings.OtelResourceAttributes] = $"deployment.environment={_options.EventId}",
    };

    /// <summary>Adds the ADOT collector sidecar to a task (unless an OTLP endpoint was given) and lets the task role feed X-Ray and the metrics log group.</summary>
    public void AddCollector(FargateTaskDefinition task, LogGroup serviceLogs)
    {
        if (MetricsLogGroup is null)
            return;

        task.AddContainer("otel-collector", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(CollectorImage),
            Essential = false,
            MemoryReservationMiB = 128,
            Environment = new Dictionary<string, string> { ["AOT_CONFIG_CONTENT"] = CollectorConfig(MetricsLogGroup.LogGroupName) },
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = serviceLogs, StreamPrefix = "otel-collector" }),
        });

        task.TaskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "SendTracesToXRay",
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            // X-Ray's trace APIs have no resource-level permissions.
            Resources = ["*"],
        }));
        task.TaskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteMetricsAsEmf",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [MetricsLogGroup.LogGroupArn],
        }));
    }

    /// <summary>OTLP in; traces to X-Ray, metrics to CloudWatch as EMF; logs stay on the console (the awslogs driver).</summary>
    private static string CollectorConfig(string metricsLogGroup) => $$"""
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 0.0.0.0:4317
              http:
                endpoint: 0.0.0.0:4318
        processors:
          batch:
            timeout: 10s
        exporters:
          awsxray: {}
          awsemf:
            namespace: {{MetricsNamespace}}
            log_group_name: {{metricsLogGroup}}
            dimension_rollup_option: NoDimensionRollup
          debug:
            verbosity: basic
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsxray]
            metrics:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsemf]
            logs:
              receivers: [otlp]
              processors: [batch]
              exporters: [debug]
        """;
}
