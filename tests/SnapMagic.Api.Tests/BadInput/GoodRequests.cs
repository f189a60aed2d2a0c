using SnapMagic.Api.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests.BadInput;

internal static class GoodRequests
{
    /// <summary>A normal attendee still gets through: log in, submit a card, read it back.</summary>
    public static async Task AssertStillServedAsync(this BadInputServer server)
    {
        var (client, _) = await server.Factory.NewSessionAsync();
        using (client)
        {
            var card = await client.SubmitCardAsync("A dragon that survived the bad-input catalogue");
            CardView view = await client.GetCardAsync(card.CorrelationId);
            Assert.Equal(card.CorrelationId, view.CorrelationId);
        }
    }
}
