namespace SnapMagic.AppHost;

internal static class ServiceEnvironment
{
    private const string AspNetCoreLogLevel = "Logging:LogLevel:Microsoft.AspNetCore";

    /// <summary>
    /// What every service gets besides the AppHost's own environment (which it inherits): the AppHost's environment
    /// name, and no log entry per request (the health checks alone would fill the console) unless the developer sets
    /// <c>Logging__LogLevel__Microsoft.AspNetCore</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceDefaults(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder)
    {
        service.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
        if (builder.Configuration[AspNetCoreLogLevel] is null)
            service.WithEnvironment(AspNetCoreLogLevel.Replace(":", "__", StringComparison.Ordinal), "Warning");
        return service;
    }
}
