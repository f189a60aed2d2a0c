using System.Net;
using System.Net.Http.Json;
using SnapMagic.Api.Cards;
using SnapMagic.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests;

public sealed class CardReadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Other_sessions_cards_unknown_and_malformed_ids_all_get_the_same_404()
    {
        var (owner, _) = await factory.NewSessionAsync();
        var card = await owner.SubmitCardAsync();
        var (stranger, _) = await factory.NewSessionAsync();

        var answers = new List<string>();
        foreach (var id in new[] { card.CorrelationId, CorrelationIds.New(), "not-an-id", card.CorrelationId.ToUpperInvariant(), "..%2f..%2fetc" })
        {
            using var response = await stranger.GetAsync($"/api/cards/{id}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            answers.Add(problem.GetProperty("detail").GetString()!);
        }
        Assert.Single(answers.Distinct());

        // The owner still sees it.
        Assert.Equal(card.CorrelationId, (await owner.GetCardAsync(card.CorrelationId)).CorrelationId);
    }

    [Fact]
    public async Task The_list_has_only_the_sessions_cards_newest_first()
    {
        var (client, _) = await factory.NewSessionAsync();
        var (other, _) = await factory.NewSessionAsync();
        await other.SubmitCardAsync("Somebody else's card entirely");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await client.SubmitCardAsync($"Card {i} for the gallery test")).CorrelationId);

        var list = (await client.GetFromJsonAsync<List<CardView>>("/api/cards", ApiClient.Json))!;

        Assert.Equal(Enumerable.Reverse(ids), list.Select(c => c.CorrelationId));
        Assert.Equal("Card 2 for the gallery test", list[0].Prompt);
    }

    [Fact]
    public async Task A_new_session_has_an_empty_list()
    {
        var (client, _) = await factory.NewSessionAsync();
        Assert.Empty((await client.GetFromJsonAsync<List<CardView>>("/api/cards", ApiClient.Json))!);
    }

    [Fact]
    public async Task A_completed_card_has_an_absolute_signed_image_url_that_works_without_a_header()
    {
        var (owner, login) = await factory.NewSessionAsync();
        var card = await owner.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        var view = await owner.GetCardAsync(card.CorrelationId);
        Assert.Equal("completed", view.Status);
        Assert.NotNull(view.CompletedAt);
        Assert.StartsWith($"http://localhost/api/cards/{card.CorrelationId}/image?expires=", view.ImageUrl);

        using var anonymous = factory.CreateClient();
        using var image = await anonymous.GetAsync(view.ImageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestCards.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.True(image.Headers.CacheControl?.Private);
        Assert.NotNull(image.Headers.CacheControl?.MaxAge);
        Assert.Null(image.Content.Headers.ContentDisposition);

        using var download = await anonymous.GetAsync(view.ImageUrl + "&download=1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"snapmagic-card-{card.CorrelationId[..8]}.png", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_image_url_uses_Api_PublicUrl_when_it_is_set()
    {
        await using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Api:PublicUrl", "https://cards.example.test/"));
        var login = await factory.LoginAsync();
        using var owner = configured.CreateClient().WithBearer(login.Token);
        var card = await owner.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        var view = await owner.GetCardAsync(card.CorrelationId);

        Assert.StartsWith($"https://cards.example.test/api/cards/{card.CorrelationId}/image?expires=", view.ImageUrl);
    }

    [Fact]
    public async Task The_image_goes_to_its_owner_and_to_valid_links_only()
    {
        var (owner, login) = await factory.NewSessionAsync();
        var card = await owner.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        var signedUrl = new Uri((await owner.GetCardAsync(card.CorrelationId)).ImageUrl!);
        var imagePath = $"/api/cards/{card.CorrelationId}/image";

        using var byOwner = await owner.GetAsync(imagePath);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(TestCards.Png, await byOwner.Content.ReadAsByteArrayAsync());

        var (stranger, _) = await factory.NewSessionAsync();
        using var byStranger = await stranger.GetAsync(imagePath);
        await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);

        using var anonymous = factory.CreateClient();
        using var noCredentials = await anonymous.GetAsync(imagePath);
        await noCredentials.AssertProblemAsync(HttpStatusCode.Unauthorized);

        var query = System.Web.HttpUtility.ParseQueryString(signedUrl.Query);
        var expires = query["expires"]!;
        var sig = query["sig"]!;
        var forged = new[]
        {
            $"{imagePath}?expires={expires}&sig={(sig[0] == 'A' ? 'B' : 'A')}{sig[1..]}",
            $"{imagePath}?expires={long.Parse(expires) + 3600}&sig={sig}",
            $"{imagePath}?expires={expires}&sig=",
            $"{imagePath}?sig={sig}",
            $"/api/cards/{CorrelationIds.New()}/image?expires={expires}&sig={sig}",
            $"{imagePath}?expires={DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}&sig={sig}",
        };
        foreach (var url in forged)
        {
            using var response = await anonymous.GetAsync(url);
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_card_without_an_image_yet_has_no_image()
    {
        var (owner, _) = await factory.NewSessionAsync();
        var card = await owner.SubmitCardAsync();

        using var response = await owner.GetAsync($"/api/cards/{card.CorrelationId}/image");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
