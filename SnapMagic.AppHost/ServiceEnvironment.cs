namespace SnapMagic.AppHost;

internal static class ServiceEnvironment
{
    private const string AspNetCoreLogLevel = "Logging:LogLevel:Microsoft.AspNetCore";

    private static readonly string[] TelemetryTuning =
    [
        "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
        "OTEL_BLRP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL",
    ];

    /// <summary>
    /// What every service gets besides the AppHost's own environment (which it inherits): the AppHost's environment
    /// name, and no log entry per request (the health checks alone would fill the console) unless the developer sets
    /// <c>Logging__LogLevel__Microsoft.AspNetCore</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceDefaults(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder)
    {
        service.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
        // Aspire gives every service these (in Development: every span, exported each second); the AppHost's own value
        // (environment or --KEY=value) wins, which is how a load test keeps traces but lightens the dashboard.
        foreach (var key in TelemetryTuning)
        {
            if (builder.Configuration[key] is { Length: > 0 } value)
                service.WithEnvironment(key, value);
        }
        if (builder.Configuration[AspNetCoreLogLevel] is null)
            service.WithEnvironment(AspNetCoreLogLevel.Replace(":", "__", StringComparison.Ordinal), "Warning");
        return service;
    }
}
