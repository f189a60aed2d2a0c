using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace SnapMagic.Api.ScaleOut;

/// <summary>
/// Pushes sent while the backplane's Redis is unreachable are lost, so when this replica loses or gets back either of
/// its Redis connections it closes its hub connections, those opened during the outage included: the clients
/// reconnect (polling meanwhile) and re-subscribe, and the snapshots Subscribe answers close the gap.
/// </summary>
/// <remarks>
/// Both connections count. A push needs the interactive one (the de-duplication claim and the publish) and the
/// subscription one (delivery to this replica's clients), and the two come back at different moments: closing only
/// when the subscription came back once let a client reconnect right after that, take its snapshot while the
/// interactive connection was still down, and miss the push the outage dropped (the log said "closing 0").
/// </remarks>
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
        _logger.LogWarning("Redis {ConnectionType} connection {What} ({FailureType}): closing {Count} hub connections so their clients re-subscribe",
            e.ConnectionType, what, e.FailureType, _connections.Count);
        foreach (var connection in _connections.Values)
            connection.Abort();
    }
}
