using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Api.Tests.Organizer;

/// <summary>
/// The page sends how a card was rated, <c>{"rating":"up","source":"gesture"|"button"}</c> (issue 23): the Api stores the
/// source with the rating (absent means button) and shows it in the card's view; any other source is a 400.
/// </summary>
public sealed class RatingSourceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("""{"rating":"up","source":"gesture"}""", "up", "gesture")]
    [InlineData("""{"rating":"down","source":"button"}""", "down", "button")]
    [InlineData("""{"rating":"up"}""", "up", "button")]
    [InlineData("""{"rating":"down","source":null}""", "down", "button")]
    public async Task A_rating_is_stored_with_its_source_and_shown_with_it(string body, string rating, string source)
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        using var response = await client.PutAsync($"/api/cards/{card.CorrelationId}/rating",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var view = await client.GetCardAsync(card.CorrelationId);
        Assert.Equal((rating, source), (view.Rating, view.RatingSource));
        var stored = await factory.Services.GetRequiredService<IJobStore>().GetAsync(card.CorrelationId);
        Assert.Equal(source, stored!.RatingSource?.ToWireName());
    }

    [Fact]
    public async Task A_rating_given_again_another_way_changes_its_source()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        await Put(client, card.CorrelationId, """{"rating":"down","source":"button"}""");
        await Put(client, card.CorrelationId, """{"rating":"up","source":"gesture"}""");

        var view = await client.GetCardAsync(card.CorrelationId);
        Assert.Equal(("up", "gesture"), (view.Rating, view.RatingSource));
    }

    [Fact]
    public async Task An_unrated_card_shows_no_source()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        var view = await client.GetCardAsync(card.CorrelationId);

        Assert.Null(view.RatingSource);
    }

    [Theory]
    [InlineData("""{"rating":"up","source":"hand"}""")]
    [InlineData("""{"rating":"up","source":"GESTURE"}""")]
    [InlineData("""{"rating":"up","source":""}""")]
    [InlineData("""{"rating":"up","source":1}""")]
    [InlineData("""{"rating":"up","source":["gesture"]}""")]
    public async Task Another_source_is_a_400_and_nothing_is_stored(string body)
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        using var response = await client.PutAsync($"/api/cards/{card.CorrelationId}/rating",
            new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var view = await client.GetCardAsync(card.CorrelationId);
        Assert.Equal((null, null), (view.Rating, view.RatingSource));
    }

    private static async Task Put(HttpClient client, string correlationId, string body)
    {
        using var response = await client.PutAsync($"/api/cards/{correlationId}/rating", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
