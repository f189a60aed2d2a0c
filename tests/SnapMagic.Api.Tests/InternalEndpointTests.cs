using System.Net;
using SnapMagic.Api.Internal;
using SnapMagic.Cards;

namespace SnapMagic.Api.Tests;

public sealed class InternalEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("snapmagic-dev-internal-ke")]
    [InlineData("snapmagic-dev-internal-key-and-more")]
    public async Task A_missing_or_wrong_key_is_401(string? key)
    {
        var (client, _) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();

        using var response = await Send(card.CorrelationId, key);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_right_key_pushes_a_known_card_and_404s_unknown_and_malformed_ids()
    {
        var (client, _) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();

        using var known = await Send(card.CorrelationId, InternalOptions.DevelopmentApiKey);
        Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);

        using var unknown = await Send(CorrelationIds.New(), InternalOptions.DevelopmentApiKey);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);

        using var malformed = await Send("not-an-id", InternalOptions.DevelopmentApiKey);
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> Send(string correlationId, string? key)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/cards/{correlationId}/changed");
        if (key is not null)
            request.Headers.Add("X-SnapMagic-Internal-Key", key);
        return await client.SendAsync(request);
    }
}
