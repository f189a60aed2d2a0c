using Microsoft.Extensions.DependencyInjection;

namespace SnapMagic.AppHost.ScaleOut;

internal static class RedisServerExtensions
{
    public const string InstallCommand = "apt-get install redis-server";

    /// <summary>
    /// A throwaway Redis on loopback (nothing saved to disk), healthy once it answers PING. False, with the install
    /// command on the console, when <c>redis-server</c> is not on the PATH.
    /// </summary>
    public static bool TryAddRedisServer(this IDistributedApplicationBuilder builder, string name,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IResourceBuilder<RedisServerResource>? redis)
    {
        redis = null;
        if (FindOnPath("redis-server") is not { } command)
        {
            Console.Error.WriteLine($"Several Api replicas share a Redis server, and redis-server is not installed. Install it ({InstallCommand}) or run one Api replica.");
            return false;
        }
        redis = builder.AddRedisServer(name, command);
        return true;
    }

    private static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, string command)
    {
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
