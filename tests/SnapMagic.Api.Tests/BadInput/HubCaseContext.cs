using System.Text.Json;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.TestSupport.SignalR;

namespace SnapMagic.Api.Tests.BadInput;

public enum HubOutcome
{
    /// <summary>The invocation failed with a hub error; the connection stays open.</summary>
    Error,
    /// <summary>The server closed the connection (a protocol violation or a message past the size limit).</summary>
    Closed,
    /// <summary>The server refused to open the connection or finish the handshake.</summary>
    Refused,
    /// <summary>The server answered as if nothing were wrong: never what a bad-input case expects.</summary>
    Answered,
}

public sealed record HubAnswer(HubOutcome Outcome, string? Message)
{
    public override string ToString() => $"{Outcome}: {Message}";
}

/// <summary>What one hub case needs: a fresh session with a card of its own and one hub connection it may break.</summary>
public sealed class HubCaseContext : IAsyncDisposable
{
    private HubCaseContext(BadInputServer server, LoginResponse login, string ownCard, SignalRJsonClient hub)
    {
        Server = server;
        Login = login;
        OwnCard = ownCard;
        Hub = hub;
    }

    public BadInputServer Server { get; }
    public LoginResponse Login { get; }
    public string OwnCard { get; }
    public SignalRJsonClient Hub { get; }

    public static async Task<HubCaseContext> CreateAsync(BadInputServer server)
    {
        var (client, login) = await server.Factory.NewSessionAsync();
        using (client)
        {
            var card = await client.SubmitCardAsync("A card the hub cases subscribe to");
            return new HubCaseContext(server, login, card.CorrelationId, await server.ConnectHubAsync(login.Token));
        }
    }

    /// <summary>Invokes on the case's connection and reports how the server answered.</summary>
    public Task<HubAnswer> Invoke(string method, params object?[] arguments) => Answer(Hub.InvokeAsync<JsonElement?>(method, arguments));

    public static async Task<HubAnswer> Answer(Task invocation)
    {
        try
        {
            await invocation;
            return new HubAnswer(HubOutcome.Answered, null);
        }
        catch (HubInvocationException error)
        {
            return new HubAnswer(HubOutcome.Error, error.Error);
        }
        catch (InvalidOperationException closed) when (closed.Message.Contains("closed", StringComparison.Ordinal))
        {
            return new HubAnswer(HubOutcome.Closed, closed.InnerException?.Message ?? closed.Message);
        }
    }

    /// <summary>Opens a hub connection with <paramref name="token"/>; Refused with the reason when the server will not have it.</summary>
    public async Task<HubAnswer> Connect(string? token)
    {
        try
        {
            await using var hub = await SignalRJsonClient.ConnectAsync(Server.HubUrl, token);
            return new HubAnswer(HubOutcome.Answered, null);
        }
        catch (System.Net.WebSockets.WebSocketException refused)
        {
            return new HubAnswer(HubOutcome.Refused, refused.Message);
        }
    }

    /// <summary>A raw socket with the handshake done, for records the client helper will not send.</summary>
    public Task<RawHubSocket> Raw() => RawHubSocket.ConnectWithHandshakeAsync(Server.HubUrl, Login.Token);

    /// <summary>The session's own card still subscribes on <paramref name="hub"/>.</summary>
    public async Task AssertSubscribesOwnCardAsync(SignalRJsonClient hub)
    {
        var snapshot = await hub.InvokeAsync<CardView>("Subscribe", OwnCard);
        Assert.Equal(OwnCard, snapshot!.CorrelationId);
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}

internal static class BadInputHub
{
    /// <summary>Short, so a hang fails the case quickly instead of looking like a slow test.</summary>
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(10);

    public static async Task<SignalRJsonClient> ConnectHubAsync(this BadInputServer server, string token)
    {
        var hub = await SignalRJsonClient.ConnectAsync(server.HubUrl, token);
        hub.InvocationTimeout = InvocationTimeout;
        return hub;
    }
}
