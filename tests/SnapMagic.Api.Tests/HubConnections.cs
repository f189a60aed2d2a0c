using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Api.Cards;
using SnapMagic.TestSupport.Hubs;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests;

internal static class HubConnections
{
    /// <summary>
    /// A started connection to /hubs/cards on the TestServer, as a browser makes it: negotiate through the server's
    /// handler, then its WebSocket with the token in <c>access_token</c>.
    /// </summary>
    public static Task<HubConnection> ConnectHubAsync(this ApiFactory factory, string? token) =>
        CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(factory.Server.BaseAddress), token, configure: options =>
        {
            options.SkipNegotiation = false;
            options.Transports = HttpTransportType.WebSockets;
            options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            options.WebSocketFactory = async (context, cancellationToken) =>
                await factory.Server.CreateWebSocketClient().ConnectAsync(CardsHubConnection.WebSocketUri(context.Uri, token), cancellationToken);
        });

    /// <summary>Keeps the connection's <c>cardUpdated</c> pushes from now on.</summary>
    public static HubPushes<CardView> CardUpdates(this HubConnection hub) => new(hub, CardsHubConnection.CardUpdated);

    public static Task<CardView> SubscribeAsync(this HubConnection hub, string? correlationId) =>
        hub.InvokeAsync<CardView>("Subscribe", correlationId);
}
