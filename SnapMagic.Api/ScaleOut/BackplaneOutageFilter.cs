using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// Pushes sent while the backplane's Redis is unreachable are lost, so this replica closes its hub connections when it
/// loses its Redis subscription and again once both its Redis connections are back, closing those opened during the
/// outage too: the clients reconnect (polling meanwhile) and re-subscribe, and the snapshots Subscribe answers close the gap.
/// </summary>
/// <remarks>
/// A push needs both connections: the interactive one (the de-duplication claim and the publish) and the subscription
/// (delivery to this replica's clients), and the two come back at different moments. Closing when the subscription
/// alone came back let a client reconnect at once, take its snapshot while the interactive connection was still down,
/// and miss the push the outage dropped (the log said "closing 0"); closing at each one's return closed the clients
/// twice, the second time after they had re-subscribed. So the close on return waits for the last of the two.
/// </remarks>
internal sealed class BackplaneOutageFilter : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private readonly ConcurrentDictionary<ConnectionType, bool> _down = new();
    private readonly ILogger<BackplaneOutageFilter> _logger;

    public BackplaneOutageFilter(IConnectionMultiplexer redis, ILogger<BackplaneOutageFilter> logger)
    {
        _logger = logger;
        redis.ConnectionFailed += (_, e) => OnFailed(e);
        redis.ConnectionRestored += (_, e) => OnRestored(e);
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

    private void OnFailed(ConnectionFailedEventArgs e)
    {
        _down[e.ConnectionType] = true;
        // Pushes stop reaching this replica's clients: they poll until they reconnect.
        if (e.ConnectionType == ConnectionType.Subscription)
            CloseAll(e, "lost");
    }

    private void OnRestored(ConnectionFailedEventArgs e)
    {
        // Only a connection that was seen going down counts: the first connect raises no failure before it.
        if (!_down.TryRemove(e.ConnectionType, out _))
            return;
        if (_down.IsEmpty)
            CloseAll(e, "restored");
        else
            _logger.LogWarning("Redis {ConnectionType} connection restored ({FailureType}); the hub connections are closed once the other one is back too",
                e.ConnectionType, e.FailureType);
    }

    private void CloseAll(ConnectionFailedEventArgs e, string what)
    {
        _logger.LogWarning("Redis {ConnectionType} connection {What} ({FailureType}): closing {Count} hub connections so their clients re-subscribe",
            e.ConnectionType, what, e.FailureType, _connections.Count);
        foreach (var connection in _connections.Values)
            connection.Abort();
    }
}
