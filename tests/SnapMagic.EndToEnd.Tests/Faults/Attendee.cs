using Microsoft.AspNetCore.SignalR.Client;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// One attendee's browser: a session, the cards it submitted, and a hub connection subscribed to all of
/// them. It keeps every push and snapshot across reconnects, so a test can count the <c>completed</c>
/// pushes of a card and see a card that finished while the client was away.
/// </summary>
public sealed class Attendee : IAsyncDisposable
{
    private readonly SnapMagicSystem _system;
    private readonly Uri _hubAddress;
    private readonly List<string> _cards = [];
    private readonly List<HubPushes<CardView>> _closedHubs = [];
    private HubPushes<CardView> _pushes = null!;
    private readonly Dictionary<string, CardView> _snapshots = [];

    private Attendee(SnapMagicSystem system, Uri hubAddress, string token, string sessionId)
    {
        _system = system;
        _hubAddress = hubAddress;
        Token = token;
        SessionId = sessionId;
    }

    public string Token { get; }
    public string SessionId { get; }
    public HubConnection Hub { get; private set; } = null!;
    public IReadOnlyList<string> Cards => _cards;

    /// <param name="hubAddress">Where the hub connection goes: the Api's address unless given (one Api replica's own, say).</param>
    public static async Task<Attendee> LogInAsync(SnapMagicSystem system, Uri? hubAddress = null)
    {
        var session = await system.Api.LogInAsync();
        var attendee = new Attendee(system, hubAddress ?? system.App.ApiUrl, session.Token, session.SessionId);
        await attendee.ConnectAsync();
        return attendee;
    }

    /// <summary>Submits cards and subscribes to each; returns their correlation ids in order.</summary>
    public async Task<IReadOnlyList<string>> SubmitAsync(int count, string promptPrefix = "a fault-tolerant dragon")
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add(await SubmitAsync($"{promptPrefix} number {i + 1}"));
        return ids;
    }

    public async Task<string> SubmitAsync(string prompt)
    {
        var id = (await _system.Api.SubmitCardAsync(Token, prompt)).CorrelationId;
        _cards.Add(id);
        _snapshots[id] = await Hub.SubscribeAsync(id);
        return id;
    }

    /// <summary>
    /// What a browser does after its connection dropped: a new connection, then Subscribe again to every
    /// card; the snapshots it answers close the gap (a card that finished meanwhile is in them).
    /// </summary>
    public async Task ReconnectAsync()
    {
        // A retried reconnect (the last attempt failed) must not count the same connection's pushes twice.
        if (!_closedHubs.Contains(_pushes))
        {
            _closedHubs.Add(_pushes);
            _pushes.Dispose();
            await Hub.DisposeAsync();
        }
        await ConnectAsync();
        foreach (var id in _cards)
            _snapshots[id] = await Hub.SubscribeAsync(id);
    }

    /// <summary>How many connections this attendee has had to replace.</summary>
    public int Reconnects => _closedHubs.Count;

    /// <summary>Every <c>cardUpdated</c> this attendee received for the card, on any of its connections, oldest first.</summary>
    public IReadOnlyList<CardView> Pushes(string correlationId) => [.. EveryPush.Where(c => c.CorrelationId == correlationId)];

    /// <summary>Every <c>cardUpdated</c> this attendee received, whatever card it was for, oldest first.</summary>
    public IReadOnlyList<CardView> EveryPush => [.. _closedHubs.Append(_pushes).SelectMany(h => h.All)];

    /// <summary>Every <c>cardUpdated</c> the current connection received (since the latest reconnect), oldest first.</summary>
    public IReadOnlyList<CardView> PushesOnThisConnection => _pushes.All;

    /// <summary>What the last Subscribe of the card answered (on submit, or on the latest reconnect).</summary>
    public CardView Snapshot(string correlationId) => _snapshots[correlationId];

    public int PushCount(string correlationId, string status) => Pushes(correlationId).Count(c => c.Status == status);

    /// <summary>The card's latest status as this client knows it: its last push or, when newer, its last snapshot.</summary>
    public string? KnownStatus(string correlationId)
    {
        var pushed = Pushes(correlationId).LastOrDefault();
        _snapshots.TryGetValue(correlationId, out var snapshot);
        return Rank(snapshot?.Status) >= Rank(pushed?.Status) ? snapshot?.Status : pushed?.Status;
    }

    /// <summary>Waits (on pushes, never a sleep) until every card is completed; fails at once when one fails.</summary>
    public async Task WaitAllCompletedAsync(IEnumerable<string> correlationIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var id in correlationIds)
        {
            if (KnownStatus(id) is not ("completed" or "failed"))
            {
                var left = deadline - DateTime.UtcNow;
                try
                {
                    await _pushes.WaitForAsync(c => c.CorrelationId == id && c.Status is "completed" or "failed",
                        left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException($"Card {id} did not finish within {timeout.TotalSeconds:0} s: {ex.Message}{Environment.NewLine}{_system.RecentOutput()}", ex);
                }
            }
            var status = KnownStatus(id);
            Assert.True(status == "completed",
                $"Card {id} ended {status}: {Pushes(id).LastOrDefault()?.Error}{Environment.NewLine}{_system.RecentOutput()}");
        }
    }

    /// <summary>
    /// A round trip on the hub: pushes sent before the Api answered it have arrived (one connection keeps
    /// the server's order). Call it once the work is over, before counting pushes.
    /// </summary>
    public Task SyncAsync() => Hub.SubscribeAsync(_cards[0]);

    /// <summary>GET /api/cards/{id}: the status endpoint, the attendee's fallback.</summary>
    public Task<CardView> GetAsync(string correlationId) => _system.Api.GetCardAsync(Token, correlationId);

    /// <summary>The card's image as an &lt;img&gt; tag would load it (no Authorization header): its PNG bytes.</summary>
    public async Task<byte[]> DownloadImageAsync(string correlationId)
    {
        var card = await GetAsync(correlationId);
        Assert.False(string.IsNullOrEmpty(card.ImageUrl), $"Card {correlationId} has no imageUrl.");
        using var anonymous = new HttpClient();
        return await anonymous.GetByteArrayAsync(new Uri(_system.App.ApiUrl, card.ImageUrl));
    }

    /// <summary>Where the worker stores the card's PNG, relative to the image folder.</summary>
    public string ImageFileOf(string correlationId) => CardJob.ImageKeyFor(SessionId, correlationId);

    public async ValueTask DisposeAsync()
    {
        _pushes.Dispose();
        await Hub.DisposeAsync();
    }

    /// <summary>A new hub connection, its pushes kept from the start.</summary>
    private async Task ConnectAsync()
    {
        Hub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(_hubAddress), Token);
        _pushes = Hub.CardUpdates();
    }

    private static int Rank(string? status) => status switch
    {
        "queued" => 1,
        "processing" => 2,
        "completed" or "failed" => 3,
        _ => 0,
    };
}
