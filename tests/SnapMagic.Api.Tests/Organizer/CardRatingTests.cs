using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace SnapMagic.Api.Tests.Organizer;

public sealed class CardRatingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_owner_rates_a_finished_card_and_can_change_the_rating()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        Assert.Null((await client.GetCardAsync(card.CorrelationId)).Rating);

        using var up = await client.RateAsync(card.CorrelationId, "up");
        Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        Assert.Equal("up", (await client.GetCardAsync(card.CorrelationId)).Rating);

        using var down = await client.RateAsync(card.CorrelationId, "down");
        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.Equal("down", (await client.GetCardAsync(card.CorrelationId)).Rating);
    }

    [Fact]
    public async Task The_page_may_send_a_rating_from_its_own_origin()
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/cards/{SnapMagic.Cards.CorrelationIds.New()}/rating");
        preflight.Headers.Add("Origin", ApiFactory.WebOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("PUT", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task Another_session_gets_404_as_for_reads_and_the_rating_stays()
    {
        var (owner, login) = await factory.NewSessionAsync();
        var card = await owner.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        var (stranger, _) = await factory.NewSessionAsync();
        using var organizer = await factory.NewOrganizerAsync();

        using var byStranger = await stranger.RateAsync(card.CorrelationId, "down");
        using var byOrganizer = await organizer.RateAsync(card.CorrelationId, "down");

        await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);
        await byOrganizer.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await owner.GetCardAsync(card.CorrelationId)).Rating);
    }

    [Fact]
    public async Task A_card_not_finished_yet_cannot_be_rated()
    {
        var (client, _) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();

        using var response = await client.RateAsync(card.CorrelationId, "up");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("queued", problem.GetProperty("detail").GetString());
        Assert.Null((await client.GetCardAsync(card.CorrelationId)).Rating);
    }

    [Theory]
    [InlineData("""{"rating":"sideways"}""")]
    [InlineData("""{"rating":"UP"}""")]
    [InlineData("""{"rating":""}""")]
    [InlineData("""{"rating":null}""")]
    [InlineData("""{"rating":1}""")]
    [InlineData("""{"rating":["up"]}""")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"rating":"up" """)]
    [InlineData("")]
    public async Task Anything_but_up_or_down_is_a_400_ProblemDetails(string body)
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        using var response = await client.PutAsync($"/api/cards/{card.CorrelationId}/rating",
            new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null((await client.GetCardAsync(card.CorrelationId)).Rating);
    }
}
