using SnapMagic.TestSupport.SignalR;

namespace SnapMagic.Api.Tests;

internal static class HubConnections
{
    /// <summary>A SignalR JSON-protocol connection to /hubs/cards over the TestServer's WebSocket, token in access_token.</summary>
    public static async Task<SignalRJsonClient> ConnectHubAsync(this ApiFactory factory, string? token)
    {
        var uri = SignalRJsonClient.WebSocketUri(new Uri(factory.Server.BaseAddress, "/hubs/cards"), token);
        var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
        return await SignalRJsonClient.StartAsync(socket);
    }
}
