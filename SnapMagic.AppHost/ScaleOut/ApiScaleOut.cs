namespace SnapMagic.AppHost.ScaleOut;

internal static class ApiScaleOut
{
    /// <summary>
    /// <paramref name="replicas"/> Api processes behind the Api's one address (the AppHost's proxy spreads the TCP
    /// connections over them, as a load balancer would, without stickiness), sharing a Redis for SignalR's backplane,
    /// the push de-duplication and the rate limits. The page then opens its WebSocket without negotiation: a negotiated
    /// connection id is known to one replica only.
    /// </summary>
    public static void AddApiScaleOut(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api,
        IResourceBuilder<ProjectResource> web, int replicas)
    {
        var redis = builder.AddRedisServer("redis");
        api.WithReplicas(replicas)
            .WithReference(redis)
            .WaitFor(redis);
        web.WithEnvironment("Api__HubSkipNegotiation", "true");
    }
}
