using SnapMagic.AppHost;
using SnapMagic.AppHost.Backends;
using SnapMagic.AppHost.Diagnostics;
using SnapMagic.AppHost.ScaleOut;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(AppHostOptions.Usage);
    return 0;
}
if (!AppHostOptions.TryParse(args, out var options))
    return 2;

var builder = DistributedApplication.CreateBuilder(options.BuilderArgs());

// The event's secrets: defaults only in Development, required elsewhere (the dashboard asks for missing ones).
var eventUsername = builder.AddDevelopmentParameter("event-username", "demo");
var eventPassword = builder.AddDevelopmentParameter("event-password", "demo", secret: true);
var organizerUsername = builder.AddDevelopmentParameter("organizer-username", "organizer");
var organizerPassword = builder.AddDevelopmentParameter("organizer-password", "organizer", secret: true);
var jwtSigningKey = builder.AddGeneratedParameter("jwt-signing-key");
var internalApiKey = builder.AddGeneratedParameter("internal-api-key");

var api = builder.AddProject<Projects.SnapMagic_Api>("api")
    .WithHttpEndpoint(port: options.ApiPort, name: "http")
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Event__Username", eventUsername)
    .WithEnvironment("Event__Password", eventPassword)
    .WithEnvironment("Organizer__Username", organizerUsername)
    .WithEnvironment("Organizer__Password", organizerPassword)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Internal__ApiKey", internalApiKey);

var worker = builder.AddProject<Projects.SnapMagic_Worker>("worker")
    .WithReplicas(options.Workers)
    .WithHttpEndpoint(name: "http")
    // Degraded too: the dashboard says when the chosen image model is Legacy, past its end of life or not accessible.
    .WithReportedHealth(builder, "/health")
    .WithReference(api)
    .WithEnvironment("Api__InternalUrl", "http://api")
    .WithEnvironment("Internal__ApiKey", internalApiKey)
    .WaitFor(api);

var web = builder.AddProject<Projects.SnapMagic_Web>("web")
    .WithHttpEndpoint(port: options.WebPort, name: "http")
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Api__PublicUrl", api.GetEndpoint("http"));

api.WithEnvironment("Api__PublicUrl", api.GetEndpoint("http"))
    .WithEnvironment("Cors__AllowedOrigins", web.BrowserOrigins());

IResourceBuilder<ProjectResource>[] services = [api, worker, web];
foreach (var service in services)
    service.WithServiceDefaults(builder);

switch (options.Backend)
{
    case Backend.Embedded:
        var dataDirectory = builder.EmbeddedDataDirectory(options.DataDirectory);
        foreach (var service in services)
            service.WithEmbeddedBackend(dataDirectory);
        break;

    case Backend.AwsLocal:
        // SQS and S3 (fauxqs), DynamoDB (dynalite) and Bedrock (the project's fake) on this machine.
        var fauxqs = builder.AddFauxqs("fauxqs");
        var dynalite = builder.AddDynalite("dynalite").WaitFor(fauxqs);
        var bedrock = builder.AddProject<Projects.SnapMagic_FakeBedrock>("bedrock")
            .WithHttpEndpoint(env: "PORT", name: "http")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("FakeBedrock__Region", LocalAwsBackend.Region)
            .WithEnvironment("FakeBedrock__SecretAccessKey", LocalAwsBackend.SecretAccessKey)
            // Where its asynchronous invocations (videos) write output.mp4, as Bedrock writes to the event's bucket.
            .WithEnvironment("FakeBedrock__S3ServiceUrl", fauxqs.GetEndpoint("http"));
        var sqs = builder.AddConnectionString("sqs", ReferenceExpression.Create($"{fauxqs.GetEndpoint("http")}"));
        var s3 = builder.AddConnectionString("s3", ReferenceExpression.Create($"{fauxqs.GetEndpoint("http")}"));
        var dynamoDb = builder.AddConnectionString("dynamodb", ReferenceExpression.Create($"{dynalite.GetEndpoint("http")}"));
        var bedrockRuntime = builder.AddConnectionString("bedrock-runtime", ReferenceExpression.Create($"{bedrock.GetEndpoint("http")}"));
        builder.CreateAwsResourcesWhenReady(dynalite, fauxqs);
        // The page shows images from the bucket's presigned links: the Web's CSP admits fauxqs and no other host.
        web.WithEnvironment("Web__ImageOrigins", fauxqs.GetEndpoint("http"));
        foreach (var service in services)
        {
            service.WithLocalAwsSettings()
                .WithReference(sqs).WithReference(s3).WithReference(dynamoDb).WithReference(bedrockRuntime)
                .WaitFor(dynalite)
                .WaitFor(bedrock);
        }
        break;

    case Backend.Aws:
        if (!builder.TryCheckAwsAccount(out var awsAccount))
            return 1;
        builder.CreateAwsResourcesBeforeStart(awsAccount);
        foreach (var service in services)
            service.WithAwsSettings();
        break;
}

if (options.ApiReplicas > 1)
{
    // Several Api replicas behind the one Api port share Redis: SignalR's backplane, push de-duplication, rate limits.
    if (!builder.TryAddRedisServer("redis", out var redis))
        return 1;
    api.WithReplicas(options.ApiReplicas)
        .WithReference(redis)
        .WaitFor(redis);
    web.WithEnvironment("Api__HubSkipNegotiation", "true");
}

builder.Build().Run();
return 0;
