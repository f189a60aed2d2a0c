using SnapMagic.AppHost;
using SnapMagic.AppHost.Backends;
using SnapMagic.AppHost.ScaleOut;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(AppHostOptions.Usage);
    return 0;
}

AppHostOptions options;
try
{
    options = AppHostOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(AppHostOptions.Usage);
    return 2;
}

var builder = DistributedApplication.CreateBuilder(options.BuilderArgs());

var eventUsername = builder.AddDevelopmentParameter("event-username", "demo");
var eventPassword = builder.AddDevelopmentParameter("event-password", "demo", secret: true);
var jwtSigningKey = builder.AddGeneratedParameter("jwt-signing-key");
var internalApiKey = builder.AddGeneratedParameter("internal-api-key");

var api = builder.AddProject<Projects.SnapMagic_Api>("api")
    .WithHttpEndpoint(port: options.ApiPort, name: "http")
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Event__Username", eventUsername)
    .WithEnvironment("Event__Password", eventPassword)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Internal__ApiKey", internalApiKey);

var worker = builder.AddProject<Projects.SnapMagic_Worker>("worker")
    .WithReplicas(options.Workers)
    .WithHttpEndpoint(name: "http")
    .WithHttpHealthCheck("/health")
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

try
{
    if (options.ApiReplicas > 1)
        builder.AddApiScaleOut(api, web, options.ApiReplicas);
    switch (options.Backend)
    {
        case Backend.Embedded:
            builder.AddEmbeddedBackend(options, services);
            break;
        case Backend.AwsLocal:
            builder.AddLocalAwsBackend(services);
            break;
        case Backend.Aws:
            builder.AddAwsBackend(services);
            break;
    }
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

builder.Build().Run();
return 0;
