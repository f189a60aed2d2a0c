using SnapMagic.Contracts;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Hub;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Api.Tests;

public sealed class HubTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Subscribe_returns_the_current_card_and_then_pushes_each_change()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.CardUpdates();

        var snapshot = await hub.SubscribeAsync(card.CorrelationId);
        Assert.Equal(card.CorrelationId, snapshot.CorrelationId);
        Assert.Equal("queued", snapshot.Status);

        await factory.StartAsync(card.CorrelationId);
        await client.NotifyChangedAsync(card.CorrelationId);
        var processing = (await pushes.WaitForAsync(c => c.Status == "processing", Timeout)).Value;
        Assert.Equal(card.CorrelationId, processing.CorrelationId);
        Assert.NotNull(processing.StartedAt);

        var store = factory.Services.GetRequiredService<IJobStore>();
        var key = CardJob.ImageKeyFor(login.SessionId, card.CorrelationId);
        await factory.Services.GetRequiredService<IImageStore>().SaveAsync(key, TestCards.Png);
        await store.TryCompleteAsync(card.CorrelationId, key, DateTimeOffset.UtcNow);
        await client.NotifyChangedAsync(card.CorrelationId);
        var completed = (await pushes.WaitForAsync(c => c.Status == "completed", Timeout)).Value;
        Assert.StartsWith($"http://localhost/api/cards/{card.CorrelationId}/image?", completed.ImageUrl);
    }

    [Fact]
    public async Task A_late_or_repeated_notice_pushes_nothing()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.CardUpdates();
        await hub.SubscribeAsync(card.CorrelationId);
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        // A redelivered copy's late "processing" notice, the real "completed" one, and a worker re-announcing it.
        await client.NotifyChangedAsync(card.CorrelationId, "processing");
        await client.NotifyChangedAsync(card.CorrelationId, "completed");
        await client.NotifyChangedAsync(card.CorrelationId, "completed");
        await pushes.WaitForAsync(c => c.Status == "completed", Timeout);
        // A hub round trip after the pushes: anything sent before it has arrived.
        await hub.SubscribeAsync(card.CorrelationId);

        Assert.Single(pushes.All, p => p.Status == "completed");
        Assert.DoesNotContain(pushes.All, p => p.Status == "processing");
    }

    [Fact]
    public async Task Subscribing_after_the_card_finished_returns_the_finished_card()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        await using var hub = await factory.ConnectHubAsync(login.Token);

        var snapshot = await hub.SubscribeAsync(card.CorrelationId);

        Assert.Equal("completed", snapshot.Status);
        Assert.NotNull(snapshot.ImageUrl);
    }

    [Fact]
    public async Task Another_sessions_unknown_and_malformed_cards_are_hub_errors_and_the_connection_keeps_working()
    {
        var (owner, _) = await factory.NewSessionAsync();
        var theirs = await owner.SubmitCardAsync();
        var (client, login) = await factory.NewSessionAsync();
        var mine = await client.SubmitCardAsync();
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.CardUpdates();

        foreach (var id in new[] { theirs.CorrelationId, CorrelationIds.New(), "not-an-id", "" })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => hub.SubscribeAsync(id));
            Assert.Contains("no card with this id", error.Message);
        }
        await Assert.ThrowsAsync<HubException>(() => hub.SubscribeAsync(null));

        Assert.Equal(mine.CorrelationId, (await hub.SubscribeAsync(mine.CorrelationId)).CorrelationId);

        // A refused subscription joins nothing: the other session's pushes never arrive here.
        await factory.StartAndNotifyAsync(owner, theirs.CorrelationId);
        await factory.StartAndNotifyAsync(client, mine.CorrelationId);
        await pushes.WaitForAsync(c => c.CorrelationId == mine.CorrelationId, Timeout);
        Assert.DoesNotContain(pushes.All, c => c.CorrelationId == theirs.CorrelationId);
    }

    [Fact]
    public async Task Unsubscribe_stops_the_pushes_of_that_card()
    {
        var (client, login) = await factory.NewSessionAsync();
        var first = await client.SubmitCardAsync("The first card of the unsubscribe test");
        var second = await client.SubmitCardAsync("The second card of the unsubscribe test");
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.CardUpdates();
        await hub.SubscribeAsync(first.CorrelationId);
        await hub.SubscribeAsync(second.CorrelationId);

        await hub.InvokeAsync("Unsubscribe", first.CorrelationId);
        await factory.StartAndNotifyAsync(client, first.CorrelationId);
        await factory.StartAndNotifyAsync(client, second.CorrelationId);

        // Pushes to one connection arrive in order, so once the second card's is here the first one's would be too.
        await pushes.WaitForAsync(c => c.CorrelationId == second.CorrelationId, Timeout);
        Assert.DoesNotContain(pushes.All, c => c.CorrelationId == first.CorrelationId);
    }

    [Fact]
    public async Task A_flood_of_Subscribe_calls_is_bounded_per_connection()
    {
        var login = await factory.LoginAsync();
        var store = factory.Services.GetRequiredService<IJobStore>();
        var ids = new List<string>();
        for (var i = 0; i <= CardsHubContract.MaxSubscriptionsPerConnection; i++)
        {
            var (job, _) = await store.CreateAsync(new CardJob
            {
                CorrelationId = CorrelationIds.New(),
                SessionId = login.SessionId,
                Prompt = $"Flood card number {i}",
                Status = CardStatus.Queued,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            ids.Add(job.CorrelationId);
        }
        await using var hub = await factory.ConnectHubAsync(login.Token);

        // Refused ids do not count towards the cap (they do towards the calls per minute, which these stay under).
        for (var i = 0; i < 100; i++)
            await Assert.ThrowsAsync<HubException>(() => hub.SubscribeAsync(CorrelationIds.New()));
        foreach (var id in ids.Take(CardsHubContract.MaxSubscriptionsPerConnection))
            await hub.SubscribeAsync(id);
        // Subscribing again to a card already followed is fine; one more card is not.
        await hub.SubscribeAsync(ids[0]);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.SubscribeAsync(ids[^1]));
        Assert.Contains("at most", refused.Message);

        await hub.InvokeAsync("Unsubscribe", ids[0]);
        Assert.Equal(ids[^1], (await hub.SubscribeAsync(ids[^1])).CorrelationId);
    }

    [Fact]
    public async Task The_hub_refuses_connections_without_a_valid_token()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => factory.ConnectHubAsync(null));
        await Assert.ThrowsAsync<HttpRequestException>(() => factory.ConnectHubAsync("forged.token.value"));

        using var client = factory.CreateClient();
        using var negotiate = await client.PostAsync("/hubs/cards/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }
}
