using System.Net;
using System.Net.Http.Json;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.TestSupport;
using SnapMagic.TestSupport.SignalR;

namespace SnapMagic.Api.Tests;

/// <summary>The Api on a real Kestrel socket (loopback, free port): the hub over ClientWebSocket, as the end-to-end tests use it.</summary>
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
    public async Task A_ClientWebSocket_subscribes_and_receives_the_push()
    {
        using var http = new HttpClient { BaseAddress = _baseAddress };
        using var loginResponse = await http.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "demo" });
        var login = (await loginResponse.Content.ReadFromJsonAsync<LoginResponse>(ApiClient.Json))!;
        http.WithBearer(login.Token);
        var card = await http.SubmitCardAsync();

        await using var hub = await SignalRJsonClient.ConnectAsync(new Uri(_baseAddress, "/hubs/cards"), login.Token);
        var snapshot = await hub.InvokeAsync<CardView>("Subscribe", card.CorrelationId);
        Assert.Equal("queued", snapshot!.Status);

        await _factory.StartAsync(card.CorrelationId);
        await http.NotifyChangedAsync(card.CorrelationId);

        var pushed = await hub.WaitForCardUpdatedAsync<CardView>(c => c.Status == "processing", TimeSpan.FromSeconds(10));
        Assert.Equal(card.CorrelationId, pushed.CorrelationId);
    }

    [Fact]
    public async Task A_ClientWebSocket_without_a_token_is_refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => SignalRJsonClient.ConnectAsync(new Uri(_baseAddress, "/hubs/cards"), null));
    }

    public void Dispose() => _factory.Dispose();
}
