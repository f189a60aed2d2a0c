using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Hub;

namespace SnapMagic.Api.Tests;

/// <summary>What a session and a connection may take of the hub, and how long a connection may outlive its token.</summary>
public sealed class HubLimitsTests(HubLimitsTests.LimitedFactory factory) : IClassFixture<HubLimitsTests.LimitedFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public sealed class LimitedFactory : ApiFactory
    {
        public const int ConnectionsPerSession = 2;
        public const int SubscribesPerMinute = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hub:MaxConnectionsPerSession", ConnectionsPerSession.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Hub:SubscribesPerConnectionPerMinute", SubscribesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_session_past_its_connections_gets_429_and_may_connect_once_one_closes()
    {
        var login = await factory.LoginAsync();
        var held = new List<HubConnection>();
        for (var i = 0; i < LimitedFactory.ConnectionsPerSession; i++)
            held.Add(await Counted(await factory.ConnectHubAsync(login.Token)));

        await Assert.ThrowsAsync<HttpRequestException>(() => factory.ConnectHubAsync(login.Token));
        using var client = factory.CreateClient().WithBearer(login.Token);
        using var negotiate = await client.PostAsync("/hubs/cards/negotiate?negotiateVersion=1", null);
        var problem = await negotiate.AssertProblemAsync(System.Net.HttpStatusCode.TooManyRequests);
        Assert.Contains("live hub connections", problem.GetProperty("detail").GetString());
        Assert.NotNull(negotiate.Headers.RetryAfter);

        await held[0].DisposeAsync();
        await WaitUntilCountedAsync(factory, login.SessionId, LimitedFactory.ConnectionsPerSession - 1);
        await using var again = await factory.ConnectHubAsync(login.Token);
        await using var otherSession = await factory.ConnectHubAsync((await factory.LoginAsync()).Token);
        Assert.Equal(HubConnectionState.Connected, again.State);
        Assert.Equal(HubConnectionState.Connected, otherSession.State);
        foreach (var hub in held.Skip(1))
            await hub.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_calls_past_the_minute_are_refused_and_the_connection_stays_open()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await using var hub = await factory.ConnectHubAsync(login.Token);

        for (var i = 0; i < LimitedFactory.SubscribesPerMinute; i++)
            await hub.SubscribeAsync(card.CorrelationId);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.SubscribeAsync(card.CorrelationId));

        Assert.Contains("Too many requests", refused.Message);
        await hub.InvokeAsync("Unsubscribe", card.CorrelationId);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    /// <summary>The hub answers a connection's calls only after its OnConnectedAsync, which counts it for its session.</summary>
    internal static async Task<HubConnection> Counted(HubConnection hub)
    {
        await hub.InvokeAsync("Unsubscribe", (string?)null);
        return hub;
    }

    /// <summary>
    /// Waits until the server counts <paramref name="count"/> connections or fewer for the session: a client's close
    /// returns before the server has run the connection's OnDisconnectedAsync.
    /// </summary>
    internal static async Task WaitUntilCountedAsync(ApiFactory factory, string sessionId, int count)
    {
        var connections = factory.Services.GetRequiredService<SessionConnections>();
        var deadline = DateTime.UtcNow + Timeout;
        while (connections.CountOf(sessionId) > count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The server still counts {connections.CountOf(sessionId)} connections for the session.");
            await Task.Delay(10);
        }
    }

    internal static async Task<Exception?> ClosedAsync(HubConnection hub)
    {
        await using (hub)
        {
            var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            hub.Closed += error =>
            {
                closed.TrySetResult(error);
                return Task.CompletedTask;
            };
            if (hub.State == HubConnectionState.Disconnected)
                return null;
            return await closed.Task.WaitAsync(Timeout);
        }
    }
}

/// <summary>A connection closes when the token it was opened with expires (sessions of two seconds here).</summary>
public sealed class HubTokenExpiryTests : IDisposable
{
    private readonly ShortSessionFactory _factory = new();

    private sealed class ShortSessionFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jwt:Lifetime", "00:00:02");
        }
    }

    [Fact]
    public async Task The_hub_closes_a_connection_when_its_token_expires()
    {
        var login = await _factory.LoginAsync();
        var hub = await _factory.ConnectHubAsync(login.Token);
        Assert.Equal(HubConnectionState.Connected, hub.State);

        await HubLimitsTests.ClosedAsync(hub);

        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    public void Dispose() => _factory.Dispose();
}
