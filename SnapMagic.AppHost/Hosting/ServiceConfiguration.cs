using Microsoft.Extensions.Configuration;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// The configuration the services will see, as far as the AppHost can know it: its own environment (which they
/// inherit) overridden by the environment it gives them. The AppHost reads it to create the AWS resources they use.
/// </summary>
internal static class ServiceConfiguration
{
    public static IConfiguration From(params IEnumerable<IReadOnlyDictionary<string, string>> environments) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(environments.SelectMany(e => e).Select(pair =>
                KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), (string?)pair.Value)))
            .Build();
}
