using System.Globalization;
using Amazon.CDK;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>
/// Everything one event runs on, in one stack named after it: network, data, secrets, the three services behind one
/// load balancer, the worker's scaling, alarms and the teardown. Its outputs are the settings a local AppHost needs to
/// run against the event's resources (<c>dotnet run --project SnapMagic.AppHost -- --backend aws</c>).
/// </summary>
public sealed class EventStack : Stack
{
    public EventStackOptions Options { get; }
    public Network Network { get; }
    public DataStores Data { get; }
    public EventSecrets Secrets { get; }
    public Observability Observability { get; }
    public LoadBalancer LoadBalancer { get; }
    public Backplane? Backplane { get; }
    public Services Services { get; }
    public WorkerScaling WorkerScaling { get; }
    public Alarms Alarms { get; }
    public Teardown Teardown { get; }

    public EventStack(Construct scope, EventStackOptions options, Amazon.CDK.Environment? environment = null)
        : base(scope, options.StackName, new StackProps
        {
            Env = environment,
            Description = $"SnapMagic for the event '{options.EventId}' (ends {options.EventEnd:u}; deleted at {options.TeardownAt:u}).",
        })
    {
        Options = options;
        Amazon.CDK.Tags.Of(this).Add(Alarms.CostTagKey, options.EventId);
        RefuseARegionWithoutTheVideoModel();

        var imageTags = new ServiceImageTags(
            ImageTagParameter("ApiImageTag", "Api"), ImageTagParameter("WorkerImageTag", "Worker"), ImageTagParameter("WebImageTag", "Web"));

        Network = new Network(this, "Network", options);
        Data = new DataStores(this, "Data", options);
        Secrets = new EventSecrets(this, "Secrets", options);
        Observability = new Observability(this, "Observability", options);
        LoadBalancer = new LoadBalancer(this, "LoadBalancer", options, Network.Vpc);
        Backplane = options.UsesBackplane ? new Backplane(this, "Backplane", Network.Vpc) : null;
        Services = new Services(this, "Services", options, Network.Vpc, Data, Secrets, Observability, LoadBalancer, Backplane, imageTags);
        WorkerScaling = new WorkerScaling(this, "WorkerScaling", options, Services.Cluster, Services.Worker, Data.CardQueue);
        Alarms = new Alarms(this, "Alarms", options, Observability, LoadBalancer.Alb, Data.CardQueue, Data.DeadLetterQueue);
        Teardown = new Teardown(this, "Teardown", options, Data.ImageBucket, Observability.OrganizerTopic);

        AddOutputs();
    }

    /// <summary>The account and Region the CDK CLI resolved (needed only to look up an existing VPC); otherwise environment-agnostic.</summary>
    public static Amazon.CDK.Environment? EnvironmentFromCdkDefaults() =>
        System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT") is { Length: > 0 } account
        && System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") is { Length: > 0 } region
            ? new Amazon.CDK.Environment { Account = account, Region = region }
            : null;

    /// <summary>
    /// The video model writes into the event's bucket, so the stack must be in the model's Region: refused here when the
    /// Region is known (CDK_DEFAULT_REGION, or an explicit environment), by a CloudFormation rule at deployment otherwise.
    /// </summary>
    private void RefuseARegionWithoutTheVideoModel()
    {
        var video = Options.VideoModel;
        if (!Token.IsUnresolved(Region))
        {
            video.RefuseOtherRegion(Region);
            return;
        }
        _ = new CfnRule(this, VideoRegionRuleId, new CfnRuleProps
        {
            Assertions =
            [
                new CfnRuleAssertion
                {
                    Assert = Fn.ConditionEquals(Aws.REGION, video.Region),
                    AssertDescription = video.RegionMismatchMessage("another Region"),
                },
            ],
        });
    }

    public const string VideoRegionRuleId = "VideoModelInStackRegion";

    private string ImageTagParameter(string name, string service) => new CfnParameter(this, name, new CfnParameterProps
    {
        Type = "String",
        Default = Options.ImageTag,
        Description = $"Tag of the {service} image in the ECR repository {Services.Repositories[service]} (dotnet publish /t:PublishContainer).",
    }).ValueAsString;

    private void AddOutputs()
    {
        var model = Options.ImageModel;
        Output("SiteUrl", LoadBalancer.SiteUrl, "The page (and the Api under /api) for attendees and organizers");
        Output("Region", Aws.REGION, "Aws:Region");
        Output("TableName", Data.JobTable.TableName, "Aws:TableName");
        Output("BucketName", Data.ImageBucket.BucketName, "Aws:BucketName");
        Output("QueueName", Data.CardQueue.QueueName, "Queue:Name");
        Output("DeadLetterQueueName", Data.DeadLetterQueue.QueueName, "Queue:DeadLetterName");
        Output("CardRetentionDays", Options.CardRetentionDays.ToString(CultureInfo.InvariantCulture), "Cards:RetentionDays");
        Output("BedrockFamily", model.Family, "ImageModel:Bedrock:Family");
        Output("BedrockRegion", model.Region ?? Aws.REGION, "ImageModel:Bedrock:Region");
        Output("BedrockModelId", model.InvokedModelId, "ImageModel:Bedrock:ModelId");
        Output("VideoModelFamily", Options.VideoModel.Family, "VideoModel:Bedrock:Family");
        Output("VideoModelRegion", Options.VideoModel.Region, "VideoModel:Bedrock:Region");
        Output("SpeechModelId", Options.SpeechModel.InvokedModelId, "Speech:Bedrock:ModelId");
        Output("SentimentModelId", Options.SentimentModel.InvokedModelId, "Sentiment:Bedrock:ModelId");
        Output("EventLoginSecretArn", Secrets.EventLogin.SecretArn, "Event:Username and Event:Password (aws secretsmanager get-secret-value)");
        Output("OrganizerLoginSecretArn", Secrets.OrganizerLogin.SecretArn, "Organizer:Username and Organizer:Password");
        Output("OrganizerTopicArn", Observability.OrganizerTopic.TopicArn, "Alarms and the teardown notice");
        Output("TeardownAt", Options.TeardownAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture), "When the stack deletes itself");
        // One line to paste before `dotnet run --project SnapMagic.AppHost -- --backend aws`.
        Output("AppHostEnvironment", Fn.Join(" ",
        [
            $"{ServiceSettings.AwsRegion}={Aws.REGION}",
            $"{ServiceSettings.AwsTableName}={Data.JobTable.TableName}",
            $"{ServiceSettings.AwsBucketName}={Data.ImageBucket.BucketName}",
            $"{ServiceSettings.QueueName}={Data.CardQueue.QueueName}",
            $"{ServiceSettings.QueueDeadLetterName}={Data.DeadLetterQueue.QueueName}",
            $"{ServiceSettings.CardsRetentionDays}={Options.CardRetentionDays}",
            $"{ServiceSettings.BedrockFamily}={model.Family}",
            $"{ServiceSettings.BedrockRegion}={model.Region ?? Aws.REGION}",
            $"{ServiceSettings.BedrockModelId}={model.InvokedModelId}",
        ]), "Environment for a local AppHost with --backend aws against this event's resources");
    }

    private void Output(string name, string value, string description) =>
        _ = new CfnOutput(this, name, new CfnOutputProps { Value = value, Description = description });
}
