using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// Pushes sent while the backplane's Redis is unreachable are lost, so when this replica loses its Redis subscription
/// or gets it back it closes its hub connections: the clients reconnect (polling meanwhile) and re-subscribe, and
/// the snapshots Subscribe answers close the gap.
/// </summary>
internal sealed class BackplaneOutageFilter : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private readonly ILogger<BackplaneOutageFilter> _logger;

    public BackplaneOutageFilter(IConnectionMultiplexer redis, ILogger<BackplaneOutageFilter> logger)
    {
        _logger = logger;
        redis.ConnectionFailed += (_, e) => CloseAll(e, "lost");
        redis.ConnectionRestored += (_, e) => CloseAll(e, "restored");
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    private void CloseAll(ConnectionFailedEventArgs e, string what)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
            return;
        _logger.LogWarning("Redis backplane subscription {What} ({FailureType}): closing {Count} hub connections so their clients re-subscribe",
            what, e.FailureType, _connections.Count);
        foreach (var connection in _connections.Values)
            connection.Abort();
    }
}
