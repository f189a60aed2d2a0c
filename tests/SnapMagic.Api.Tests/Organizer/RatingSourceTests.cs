using System.Net;
using System.Text;

namespace SnapMagic.Api.Tests.Organizer;

/// <summary>
/// The page sends how a card was rated, <c>{"rating":"up","source":"gesture"|"button"}</c> (issue 23), before the
/// Api knows <c>source</c>: today's Api must take the rating and ignore the rest, not refuse it.
/// </summary>
public sealed class RatingSourceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("""{"rating":"up","source":"gesture"}""", "up")]
    [InlineData("""{"rating":"down","source":"button"}""", "down")]
    public async Task A_rating_with_its_source_is_accepted_and_the_rating_stored(string body, string stored)
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        using var response = await client.PutAsync($"/api/cards/{card.CorrelationId}/rating",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(stored, (await client.GetCardAsync(card.CorrelationId)).Rating);
    }
}
