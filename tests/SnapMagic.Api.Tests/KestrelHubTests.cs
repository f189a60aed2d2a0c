using SnapMagic.Contracts;
using System.Net;
using System.Net.Http.Json;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.TestSupport;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Api.Tests;

/// <summary>The Api on a real Kestrel socket (loopback, free port): the hub through the .NET client, as the end-to-end tests use it.</summary>
public sealed class KestrelHubTests : IDisposable
{
    private readonly ApiFactory _factory = new();
    private readonly Uri _baseAddress;

    public KestrelHubTests()
    {
        var port = FreePort.Next();
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        _baseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task A_client_over_a_real_WebSocket_subscribes_and_receives_the_push()
    {
        using var http = new HttpClient { BaseAddress = _baseAddress };
        using var loginResponse = await http.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "demo" });
        var login = (await loginResponse.Content.ReadFromJsonAsync<LoginResponse>(ApiClient.Json))!;
        http.WithBearer(login.Token);
        var card = await http.SubmitCardAsync();

        await using var hub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(_baseAddress), login.Token);
        using var pushes = hub.CardUpdates();
        var snapshot = await hub.SubscribeAsync(card.CorrelationId);
        Assert.Equal("queued", snapshot.Status);

        await _factory.StartAsync(card.CorrelationId);
        await http.NotifyChangedAsync(card.CorrelationId);

        var pushed = await pushes.WaitForAsync(c => c.Status == "processing", TimeSpan.FromSeconds(10));
        Assert.Equal(card.CorrelationId, pushed.Value.CorrelationId);
    }

    [Fact]
    public async Task A_client_over_a_real_WebSocket_without_a_token_is_refused()
    {
        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(_baseAddress), null));
    }

    public void Dispose() => _factory.Dispose();
}
