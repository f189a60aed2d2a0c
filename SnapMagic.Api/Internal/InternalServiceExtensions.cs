namespace SnapMagic.Api.Internal;

public static class InternalServiceExtensions
{
    /// <summary>The internal key, checked at start-up (<see cref="SecretSettings"/>).</summary>
    public static IServiceCollection AddInternalApi(this IServiceCollection services)
    {
        services.AddOptions<InternalOptions>().BindConfiguration(InternalOptions.Section)
            .RequireSecret("Internal:ApiKey", o => o.ApiKey, (o, v) => o.ApiKey = v, InternalOptions.DevelopmentApiKey)
            .ValidateOnStart();
        return services;
    }
}
