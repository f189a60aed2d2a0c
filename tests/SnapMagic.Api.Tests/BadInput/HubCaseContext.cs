using SnapMagic.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Api.Auth;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

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
    /// <summary>Short, so a hang fails the case quickly instead of looking like a slow test.</summary>
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(10);
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubCaseContext(BadInputServer server, LoginResponse login, string ownCard, string ownFeedback, HubConnection hub)
    {
        Server = server;
        Login = login;
        OwnCard = ownCard;
        OwnFeedback = ownFeedback;
        Hub = hub;
        hub.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public BadInputServer Server { get; }
    public LoginResponse Login { get; }
    public string OwnCard { get; }
    public string OwnFeedback { get; }
    public HubConnection Hub { get; }

    public static async Task<HubCaseContext> CreateAsync(BadInputServer server)
    {
        var (client, login) = await server.Factory.NewSessionAsync();
        using (client)
        {
            var card = await client.SubmitCardAsync("A card the hub cases subscribe to");
            var feedback = await client.SubmitTypedFeedbackAsync(login.Token, "Feedback the hub cases subscribe to");
            return new HubCaseContext(server, login, card.CorrelationId, feedback.FeedbackId, await server.ConnectHubAsync(login.Token));
        }
    }

    /// <summary>Invokes on the case's connection and reports how the server answered.</summary>
    public async Task<HubAnswer> Invoke(string method, params object?[] arguments)
    {
        using var timeout = new CancellationTokenSource(InvocationTimeout);
        try
        {
            await Hub.InvokeCoreAsync(method, typeof(object), arguments, timeout.Token);
            return new HubAnswer(HubOutcome.Answered, null);
        }
        catch (Exception error) when (!timeout.IsCancellationRequested)
        {
            // A server that closes the connection fails the invocation too (with a HubException of its own when it
            // sent a reason), before the connection says it closed: a second call tells an error from a close.
            if (!await IsOpenAsync())
                return new HubAnswer(HubOutcome.Closed, (await _closed.Task.WaitAsync(InvocationTimeout))?.Message);
            if (error is HubException)
                return new HubAnswer(HubOutcome.Error, error.Message);
            throw;
        }
    }

    /// <summary>True when a call that changes nothing (unsubscribing no card) still gets its answer.</summary>
    private async Task<bool> IsOpenAsync()
    {
        using var timeout = new CancellationTokenSource(InvocationTimeout);
        try
        {
            await Hub.InvokeCoreAsync("Unsubscribe", typeof(object), [null], timeout.Token);
            return true;
        }
        catch (Exception) when (!timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Opens a hub connection with <paramref name="token"/>; Refused with the reason when the server will not have it.</summary>
    public async Task<HubAnswer> Connect(string? token)
    {
        try
        {
            await using var hub = await Server.ConnectHubAsync(token);
            return new HubAnswer(HubOutcome.Answered, null);
        }
        catch (Exception refused) when (refused is System.Net.WebSockets.WebSocketException or HttpRequestException)
        {
            return new HubAnswer(HubOutcome.Refused, refused.Message);
        }
    }

    /// <summary>A raw socket with the handshake done, for records the client helper will not send.</summary>
    public Task<RawHubSocket> Raw() => RawHubSocket.ConnectWithHandshakeAsync(Server.HubUrl, Login.Token);

    /// <summary>The session's own card still subscribes on <paramref name="hub"/>.</summary>
    public async Task AssertSubscribesOwnCardAsync(HubConnection hub)
    {
        var snapshot = await hub.SubscribeAsync(OwnCard);
        Assert.Equal(OwnCard, snapshot.CorrelationId);
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}

internal static class BadInputHub
{
    /// <summary>A hub connection over a real WebSocket to the catalogue's Kestrel server.</summary>
    public static Task<HubConnection> ConnectHubAsync(this BadInputServer server, string? token) =>
        CardsHubConnection.StartAsync(server.HubUrl, token);
}
