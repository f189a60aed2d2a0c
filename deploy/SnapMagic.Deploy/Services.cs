using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;

namespace SnapMagic.Deploy;

/// <summary>The image tags the three services run (CloudFormation parameters, so a new build deploys without a new synth).</summary>
public sealed record ServiceImageTags(string Api, string Worker, string Web);

/// <summary>
/// The ECS cluster on Fargate and the three services, each from the image <c>dotnet publish /t:PublishContainer</c>
/// pushed to its ECR repository (<see cref="Repositories"/>), each with its own task role that may do what that
/// service does and nothing more. Every service runs as Production, listens on <see cref="LoadBalancer.ContainerPort"/>,
/// logs to its own log group and gets its secrets from Secrets Manager.
/// </summary>
public sealed class Services : Construct
{
    /// <summary>The ECR repositories the services' csproj files name in <c>ContainerRepository</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Repositories = new Dictionary<string, string>
    {
        ["Api"] = "snapmagic/api",
        ["Worker"] = "snapmagic/worker",
        ["Web"] = "snapmagic/web",
    };

    public Cluster Cluster { get; }
    public FargateService Api { get; }
    public FargateService Worker { get; }
    public FargateService Web { get; }
    public string ApiInternalUrl { get; }

    private readonly EventStackOptions _options;
    private readonly Observability _observability;

    public Services(Construct scope, string id, EventStackOptions options, IVpc vpc, DataStores data, EventSecrets secrets,
        Observability observability, LoadBalancer loadBalancer, Backplane? backplane, ServiceImageTags tags) : base(scope, id)
    {
        _options = options;
        _observability = observability;

        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            Vpc = vpc,
            ClusterName = options.StackName,
            // RunningTaskCount, which the worker scaling divides the backlog by, is a Container Insights metric.
            ContainerInsights = true,
        });
        var internalNamespace = Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions
        {
            Name = $"{options.EventId}.snapmagic.internal",
            Vpc = vpc,
        });
        ApiInternalUrl = $"http://api.{internalNamespace.NamespaceName}:{LoadBalancer.ContainerPort}";

        var cardBackend = new Dictionary<string, string>
        {
            [ServiceSettings.Backend] = "Aws",
            [ServiceSettings.AwsRegion] = Aws.REGION,
            [ServiceSettings.AwsTableName] = data.JobTable.TableName,
            [ServiceSettings.AwsBucketName] = data.ImageBucket.BucketName,
            [ServiceSettings.QueueName] = data.CardQueue.QueueName,
            [ServiceSettings.QueueDeadLetterName] = data.DeadLetterQueue.QueueName,
            [ServiceSettings.QueueVisibilityTimeoutSeconds] = ServiceSettings.VisibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            [ServiceSettings.QueueMaxReceiveCount] = ServiceSettings.MaxReceiveCount.ToString(CultureInfo.InvariantCulture),
            [ServiceSettings.CardsRetentionDays] = options.CardRetentionDays.ToString(CultureInfo.InvariantCulture),
        };

        // The Api: behind /api/* and /hubs/*, N replicas, the backplane when N > 1.
        var apiEnvironment = new Dictionary<string, string>(cardBackend)
        {
            [ServiceSettings.ApiPublicUrl] = loadBalancer.SiteUrl,
            // The limits per client address read the attendee's address from the load balancer's X-Forwarded-For
            // (only the load balancer's security group reaches the tasks).
            [ServiceSettings.ForwardedHeadersEnabled] = "true",
            // Videos cost far more than pictures: a session's and the whole event's animations are limited, and so is feedback.
            [ServiceSettings.AnimationsPerSessionPer10Minutes] = Text(options.AnimationsPerSessionPer10Minutes),
            [ServiceSettings.AnimationsEventPerHour] = Text(options.AnimationsPerHour),
            [ServiceSettings.AnimationsEventPerDay] = Text(options.AnimationsPerDay),
            [ServiceSettings.FeedbackPerSessionPer10Minutes] = Text(options.FeedbackPerSessionPer10Minutes),
        };
        if (backplane is not null)
            apiEnvironment[ServiceSettings.RedisConnectionString] = backplane.ConnectionString;
        var apiTask = TaskDefinition("Api", cpu: 512, memoryMiB: 1024, apiEnvironment, secrets.ForApi(), tags.Api, stopTimeoutSeconds: 30);
        AllowApi(apiTask.TaskRole, data);
        Api = new FargateService(this, "ApiService", ServiceProps(apiTask, options.ApiReplicas, new CloudMapOptions
        {
            Name = "api",
            DnsRecordType = DnsRecordType.A,
            DnsTtl = Duration.Seconds(10),
            ContainerPort = LoadBalancer.ContainerPort,
        }));
        loadBalancer.ApiTargets.AddTarget(Api.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = "api", ContainerPort = LoadBalancer.ContainerPort }));
        backplane?.AdmitFrom(Api.Connections.SecurityGroups[0]);

        // The worker: queue consumers, the only service that may call Bedrock; scaled by WorkerScaling.
        var model = options.ImageModel;
        var workerEnvironment = new Dictionary<string, string>(cardBackend)
        {
            [ServiceSettings.ImageModelProvider] = "Bedrock",
            [ServiceSettings.BedrockFamily] = model.Family,
            [ServiceSettings.BedrockRegion] = model.Region ?? Aws.REGION,
            [ServiceSettings.BedrockModelId] = model.InvokedModelId,
            [ServiceSettings.ApiInternalUrl] = ApiInternalUrl,
            // Animations: Bedrock's asynchronous API writes the video into the event's bucket, in the model's Region
            // (EventStack refuses a stack elsewhere), under animations/ (the worker's default OutputPrefix).
            [ServiceSettings.VideoModelProvider] = "Bedrock",
            [ServiceSettings.VideoFamily] = options.VideoModel.Family,
            [ServiceSettings.VideoRegion] = options.VideoModel.Region,
            [ServiceSettings.VideoModelId] = options.VideoModel.ModelId,
            [ServiceSettings.VideoOutputBucket] = data.ImageBucket.BucketName,
            // Spoken reviews: transcribed by a model that takes audio, then scored by a text model.
            [ServiceSettings.SpeechProvider] = "Bedrock",
            [ServiceSettings.SpeechModelId] = options.SpeechModel.InvokedModelId,
            // The IAM grants name the profile in the stack's Region: the worker calls it there (its own default is us-east-1).
            [ServiceSettings.SpeechRegion] = Aws.REGION,
            [ServiceSettings.SentimentProvider] = "Bedrock",
            [ServiceSettings.SentimentModelId] = options.SentimentModel.InvokedModelId,
            [ServiceSettings.SentimentRegion] = Aws.REGION,
        };
        // In-flight cards get Worker:ShutdownGraceSeconds (20 s) to finish before their messages are released.
        var workerTask = TaskDefinition("Worker", cpu: 512, memoryMiB: 1024, workerEnvironment, secrets.ForWorker(), tags.Worker, stopTimeoutSeconds: 45);
        AllowWorker(workerTask.TaskRole, data);
        AllowImageModel(workerTask.TaskRole, model);
        AllowVideoModel(workerTask.TaskRole, options.VideoModel, data);
        AllowFeedbackModels(workerTask.TaskRole, options, data);
        Worker = new FargateService(this, "WorkerService", ServiceProps(workerTask, Math.Max(options.WorkersMin, 1), cloudMap: null));
        Api.Connections.AllowFrom(Worker, Port.Tcp(LoadBalancer.ContainerPort), "Worker change notices to the Api's internal endpoint");

        // The Web host: the page and /config.json, everything the Api does not answer; no AWS permissions at all.
        // The page shows the cards from the bucket's presigned links: its CSP admits the bucket's hosts and no other.
        var webEnvironment = new Dictionary<string, string>
        {
            [ServiceSettings.ApiPublicUrl] = loadBalancer.SiteUrl,
            [ServiceSettings.WebImageOrigins] = $"https://{data.ImageBucket.BucketRegionalDomainName} https://{data.ImageBucket.BucketDomainName}",
        };
        if (options.UsesBackplane)
            webEnvironment[ServiceSettings.ApiHubSkipNegotiation] = "true";
        var webTask = TaskDefinition("Web", cpu: 256, memoryMiB: 512, webEnvironment, secrets: [], tags.Web, stopTimeoutSeconds: 30);
        Web = new FargateService(this, "WebService", ServiceProps(webTask, desiredCount: 2, cloudMap: null));
        loadBalancer.WebTargets.AddTarget(Web.LoadBalancerTarget(new LoadBalancerTargetOptions { ContainerName = "web", ContainerPort = LoadBalancer.ContainerPort }));
    }

    private FargateServiceProps ServiceProps(FargateTaskDefinition task, int desiredCount, CloudMapOptions? cloudMap) => new()
    {
        Cluster = Cluster,
        TaskDefinition = task,
        DesiredCount = desiredCount,
        VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
        CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
        MinHealthyPercent = 100,
        MaxHealthyPercent = 200,
        CloudMapOptions = cloudMap,
    };

    private FargateTaskDefinition TaskDefinition(string service, int cpu, int memoryMiB, Dictionary<string, string> environment,
        Dictionary<string, Amazon.CDK.AWS.ECS.Secret> secrets, string imageTag, int stopTimeoutSeconds)
    {
        var task = new FargateTaskDefinition(this, $"{service}Task", new FargateTaskDefinitionProps
        {
            Cpu = cpu,
            MemoryLimitMiB = memoryMiB,
            RuntimePlatform = new RuntimePlatform { OperatingSystemFamily = OperatingSystemFamily.LINUX, CpuArchitecture = CpuArchitecture.X86_64 },
        });
        var logs = _observability.ServiceLogGroup(service);
        var settings = new Dictionary<string, string>(environment)
        {
            [ServiceSettings.AspNetCoreEnvironment] = "Production",
            [ServiceSettings.AspNetCoreHttpPorts] = LoadBalancer.ContainerPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in _observability.TelemetryEnvironment(service))
            settings[key] = value;

        var repository = Repository.FromRepositoryName(this, $"{service}Repository", Repositories[service]);
        task.AddContainer(service.ToLowerInvariant(), new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromEcrRepository(repository, imageTag),
            Essential = true,
            Environment = settings,
            Secrets = secrets,
            PortMappings = [new PortMapping { ContainerPort = LoadBalancer.ContainerPort, Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP }],
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logs, StreamPrefix = service.ToLowerInvariant() }),
            StopTimeout = Duration.Seconds(stopTimeoutSeconds),
            // The chiseled image has no shell or curl for a container health check: the load balancer's /health
            // check replaces the Api's and the Web's, and ECS restarts a worker whose process exits.
        });
        _observability.AddCollector(task, logs);
        return task;
    }

    /// <summary>The Api: enqueues cards, reads and writes jobs, reads queue depths and serves the card images.</summary>
    private static void AllowApi(IRole role, DataStores data)
    {
        Allow(role, "SendCards", [data.CardQueue.QueueArn], "sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
        Allow(role, "ReadDeadLetterDepth", [data.DeadLetterQueue.QueueArn], "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
        // DescribeTable is the readiness check's ping.
        Allow(role, "UseTheJobTable", data.TableArns,
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DescribeTable");
        Allow(role, "ReadCardImages", [data.CardObjectsArn], "s3:GetObject");
        // Presigned links to the videos are signed with the Api's credentials, so the Api must be able to read them.
        Allow(role, "ReadAnimations", [data.AnimationObjectsArn], "s3:GetObject");
        Allow(role, "StoreSpokenReviews", [data.FeedbackObjectsArn], "s3:PutObject");
    }

    /// <summary>The worker: consumes cards, moves and sweeps dead letters, updates jobs, writes the card images.</summary>
    private static void AllowWorker(IRole role, DataStores data)
    {
        // SendMessage: an animation's delayed re-check is a new message on the job queue.
        Allow(role, "ConsumeCards", [data.CardQueue.QueueArn],
            "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
        Allow(role, "HandleDeadLetters", [data.DeadLetterQueue.QueueArn],
            "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:GetQueueAttributes");
        // Status moves and the event's counters are UpdateItem; DescribeTable is the readiness check's ping.
        Allow(role, "UpdateJobs", [data.JobTable.TableArn], "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DescribeTable");
        // GetObject: a retried card checks whether an earlier try stored its image; an animation starts from the card.
        Allow(role, "WriteCardImages", [data.CardObjectsArn], "s3:PutObject", "s3:GetObject");
    }

    /// <summary>
    /// The video model on the asynchronous API. StartAsyncInvoke is authorised as <c>bedrock:InvokeModel</c> (there is no
    /// <c>bedrock:StartAsyncInvoke</c> IAM action) on the model and on the invocation it creates; GetAsyncInvoke on the
    /// account's invocations in the model's Region; ListAsyncInvokes takes no resource at all, so its statement's resource
    /// is <c>*</c>. Bedrock writes the video with the caller's permissions, so the worker may put objects under
    /// <c>animations/</c> (and read them back); GetFoundationModel is the start-up lifecycle check (Nova Reel is Legacy).
    /// </summary>
    public static void AllowVideoModel(IRole role, VideoModelChoice video, DataStores data)
    {
        var foundationModel = $"arn:{Aws.PARTITION}:bedrock:{video.Region}::foundation-model/{video.ModelId}";
        var invocations = $"arn:{Aws.PARTITION}:bedrock:{video.Region}:{Aws.ACCOUNT_ID}:async-invoke/*";
        Allow(role, "StartVideoInvocations", [foundationModel, invocations], "bedrock:InvokeModel");
        Allow(role, "PollVideoInvocations", [invocations], "bedrock:GetAsyncInvoke");
        Allow(role, "ListVideoInvocations", ["*"], "bedrock:ListAsyncInvokes");
        Allow(role, "ReadTheVideoModelLifecycle", [foundationModel], "bedrock:GetFoundationModel");
        Allow(role, "WriteAndReadAnimations", [data.AnimationObjectsArn], "s3:PutObject", "s3:GetObject");
    }

    /// <summary>The spoken review: read the recording, transcribe it with the speech model, score the text with the sentiment model.</summary>
    public static void AllowFeedbackModels(IRole role, EventStackOptions options, DataStores data)
    {
        Allow(role, "ReadSpokenReviews", [data.FeedbackObjectsArn], "s3:GetObject");
        Allow(role, "InvokeTheSpeechModel", InvokeResources(options.SpeechModel.FoundationModelId, options.SpeechModel.InferenceProfileGeography, Aws.REGION), "bedrock:InvokeModel");
        Allow(role, "InvokeTheSentimentModel", InvokeResources(options.SentimentModel.FoundationModelId, options.SentimentModel.InferenceProfileGeography, Aws.REGION), "bedrock:InvokeModel");
    }

    /// <summary>
    /// The one image model: InvokeModel (the Converse API of Nova 2 Omni is authorised as InvokeModel too) and the
    /// start-up lifecycle check's GetFoundationModel. Through a cross-Region inference profile the call needs the
    /// profile and the foundation model in every Region the profile may route to, hence the foundation model's ARN
    /// with any Region.
    /// </summary>
    public static void AllowImageModel(IRole role, ImageModelChoice model)
    {
        var region = model.Region ?? Aws.REGION;
        Allow(role, "InvokeTheImageModel", InvokeResources(model.FoundationModelId, model.InferenceProfileGeography, region), "bedrock:InvokeModel");
        Allow(role, "ReadTheImageModelLifecycle", [$"arn:{Aws.PARTITION}:bedrock:{region}::foundation-model/{model.FoundationModelId}"], "bedrock:GetFoundationModel");
    }

    /// <summary>
    /// What InvokeModel needs for one model called from <paramref name="region"/>: the foundation model there, or the
    /// inference profile there and the foundation model in every Region the profile may route to.
    /// </summary>
    private static string[] InvokeResources(string foundationModelId, string? geography, string region) => geography is null
        ? [$"arn:{Aws.PARTITION}:bedrock:{region}::foundation-model/{foundationModelId}"]
        : [$"arn:{Aws.PARTITION}:bedrock:{region}:{Aws.ACCOUNT_ID}:inference-profile/{geography}.{foundationModelId}",
           $"arn:{Aws.PARTITION}:bedrock:*::foundation-model/{foundationModelId}"];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Allow(IRole role, string sid, string[] resources, params string[] actions) =>
        role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));
}
