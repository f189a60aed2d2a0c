using Microsoft.Extensions.Configuration;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// The configuration the services will see, as far as the AppHost can know it: its own environment (which they
/// inherit) overridden by the environment it gives them. The AppHost reads it to create the AWS resources they use.
/// </summary>
internal static class ServiceConfiguration
{
    /// <summary>The AppHost's environment, then each of <paramref name="environments"/> in turn: a later one wins.</summary>
    public static IConfiguration From(params IEnumerable<IReadOnlyDictionary<string, string>> environments)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        foreach (var environment in environments)
            builder.AddInMemoryCollection(environment.Select(pair =>
                KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), (string?)pair.Value)));
        return builder.Build();
    }
}
