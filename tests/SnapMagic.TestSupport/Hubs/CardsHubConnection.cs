using SnapMagic.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace SnapMagic.TestSupport.Hubs;

/// <summary>Started <see cref="HubConnection"/>s to the Api's <c>/hubs/cards</c>, with the session's token.</summary>
public static class CardsHubConnection
{
    public const string Path = CardsHubContract.Path;
    public const string CardUpdated = CardsHubContract.CardUpdated;

    /// <summary>The hub's URL on the Api at <paramref name="apiUrl"/>.</summary>
    public static Uri UrlOn(Uri apiUrl) => new(apiUrl, Path);

    /// <summary>Subscribe: the card's later changes are pushed to this connection; answers the card as it is now.</summary>
    public static Task<CardView> SubscribeAsync(this HubConnection hub, string correlationId, CancellationToken cancellationToken = default) =>
        hub.InvokeAsync<CardView>(CardsHubContract.Subscribe, correlationId, cancellationToken);

    /// <summary>Every <c>cardUpdated</c> push the connection receives from now on.</summary>
    public static HubPushes<CardView> CardUpdates(this HubConnection hub) => new(hub, CardsHubContract.CardUpdated);

    /// <summary>SubscribeFeedback: the feedback's later changes are pushed to this connection; answers it as it is now.</summary>
    public static Task<FeedbackView> SubscribeFeedbackAsync(this HubConnection hub, string feedbackId, CancellationToken cancellationToken = default) =>
        hub.InvokeAsync<FeedbackView>(CardsHubContract.SubscribeFeedback, feedbackId, cancellationToken);

    /// <summary>Every <c>feedbackUpdated</c> push the connection receives from now on (wait with <see cref="HubPushes{T}.WaitForAsync"/>).</summary>
    public static HubPushes<FeedbackView> FeedbackUpdates(this HubConnection hub) => new(hub, CardsHubContract.FeedbackUpdated);

    /// <summary>
    /// A started connection to the hub at <paramref name="hubUrl"/>, the token sent as the client library sends it:
    /// WebSockets straight away without the negotiate round trip unless <paramref name="configure"/> changes the
    /// options (TestServer's handler and WebSocket, for example).
    /// </summary>
    public static async Task<HubConnection> StartAsync(Uri hubUrl, string? accessToken, CancellationToken cancellationToken = default,
        Action<HttpConnectionOptions>? configure = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult(accessToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                configure?.Invoke(options);
            })
            .Build();
        try
        {
            await connection.StartAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ws(s) URL of the hub with the token in <c>access_token</c>, as browsers send it on a WebSocket.</summary>
    public static Uri WebSocketUri(Uri url, string? accessToken)
    {
        var builder = new UriBuilder(url) { Scheme = url.Scheme is "https" or "wss" ? "wss" : "ws" };
        if (accessToken is not null)
        {
            var query = builder.Query.TrimStart('?');
            builder.Query = (query.Length > 0 ? query + "&" : "") + "access_token=" + Uri.EscapeDataString(accessToken);
        }
        return builder.Uri;
    }
}
