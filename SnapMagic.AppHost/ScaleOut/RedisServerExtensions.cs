using Microsoft.Extensions.DependencyInjection;

namespace SnapMagic.AppHost.ScaleOut;

internal static class RedisServerExtensions
{
    public const string InstallCommand = "apt-get install redis-server";

    /// <summary>
    /// A throwaway Redis on loopback (nothing saved to disk), healthy once it answers PING. Throws with the install
    /// command when <c>redis-server</c> is not on the PATH.
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name)
    {
        var command = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            $"Several Api replicas share a Redis server, and redis-server is not installed. Install it ({InstallCommand}) or run one Api replica.");
        var redis = builder.AddResource(new RedisServerResource(name, command, builder.AppHostDirectory))
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp");
        redis.WithArgs(context =>
        {
            context.Args.Add("--port");
            context.Args.Add(redis.Resource.Endpoint.Property(EndpointProperty.TargetPort));
            foreach (var arg in (string[])["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
                context.Args.Add(arg);
        });

        var healthCheck = $"{name}-ping";
        builder.Services.AddHealthChecks().AddRedis(
            _ => redis.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()!,
            name: healthCheck);
        return redis.WithHealthCheck(healthCheck);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
