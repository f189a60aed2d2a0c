using System.Net.Http.Json;
using SnapMagic.Api.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests;

/// <summary>
/// How many cards are ahead of a queued one. The class has its own Api and store, and no test here leaves a
/// queued card behind except the one that counts them, so the counts are exact.
/// </summary>
public sealed class QueuePositionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_queued_card_behind_two_others_shows_two_ahead_in_the_get_and_the_hub_snapshot_but_not_in_the_list()
    {
        var (client, login) = await factory.NewSessionAsync();
        var (other, _) = await factory.NewSessionAsync();
        var started = await other.SubmitCardAsync("A card the worker already took");
        await factory.StartAsync(started.CorrelationId);
        var first = await client.SubmitCardAsync("First card in the line");
        await other.SubmitCardAsync("Second card in the line, another session");
        var third = await client.SubmitCardAsync("Third card in the line");

        var view = await client.GetCardAsync(third.CorrelationId);
        await using var hub = await factory.ConnectHubAsync(login.Token);
        var snapshot = await hub.SubscribeAsync(third.CorrelationId);
        var list = (await client.GetFromJsonAsync<List<CardView>>("/api/cards", ApiClient.Json))!;

        Assert.Equal("queued", view.Status);
        Assert.Equal(2, view.QueuePosition);
        Assert.Equal(2, snapshot.QueuePosition);
        Assert.Equal(0, (await client.GetCardAsync(first.CorrelationId)).QueuePosition);
        Assert.Equal(2, list.Count);
        Assert.All(list, card => Assert.Null(card.QueuePosition));
    }

    [Fact]
    public async Task A_processing_card_shows_no_queue_position()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync("A card that is being painted");
        await factory.StartAsync(card.CorrelationId);

        var view = await client.GetCardAsync(card.CorrelationId);
        await using var hub = await factory.ConnectHubAsync(login.Token);
        var snapshot = await hub.SubscribeAsync(card.CorrelationId);

        Assert.Equal("processing", view.Status);
        Assert.Null(view.QueuePosition);
        Assert.Null(snapshot.QueuePosition);
    }
}
