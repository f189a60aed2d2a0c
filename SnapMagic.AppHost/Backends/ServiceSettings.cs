using Microsoft.Extensions.Configuration;

namespace SnapMagic.AppHost.Backends;

internal static class ServiceSettings
{
    /// <summary>Gives the service each setting (<c>Aws:Region</c>) as an environment variable (<c>Aws__Region</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithSettings(this IResourceBuilder<ProjectResource> service,
        IEnumerable<KeyValuePair<string, string>> settings)
    {
        foreach (var (key, value) in settings)
            service.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
        return service;
    }

    /// <summary>
    /// The configuration the services will see, as far as the AppHost knows it: its own (the environment the
    /// services inherit) overridden by <paramref name="settings"/>. The AppHost creates the AWS resources it names.
    /// </summary>
    public static IConfiguration ServiceConfiguration(this IDistributedApplicationBuilder builder,
        IEnumerable<KeyValuePair<string, string>> settings) =>
        new ConfigurationBuilder()
            .AddConfiguration(builder.Configuration)
            .AddInMemoryCollection(settings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)))
            .Build();
}
