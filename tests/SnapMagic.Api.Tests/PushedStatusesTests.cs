using SnapMagic.Api.Hub;
using SnapMagic.Cards;

namespace SnapMagic.Api.Tests;

public sealed class PushedStatusesTests
{
    [Fact]
    public void Each_status_is_claimed_once_and_never_after_a_further_one()
    {
        var pushed = new PushedStatuses();
        var id = CorrelationIds.New();

        Assert.True(pushed.TryClaim(id, CardStatus.Queued));
        Assert.True(pushed.TryClaim(id, CardStatus.Processing));
        Assert.False(pushed.TryClaim(id, CardStatus.Processing));
        Assert.False(pushed.TryClaim(id, CardStatus.Queued));
        Assert.True(pushed.TryClaim(id, CardStatus.Completed));
        Assert.False(pushed.TryClaim(id, CardStatus.Completed));
        Assert.False(pushed.TryClaim(id, CardStatus.Failed));
        Assert.True(pushed.TryClaim(CorrelationIds.New(), CardStatus.Completed));
    }

    [Fact]
    public void The_oldest_cards_are_forgotten_past_the_capacity()
    {
        var pushed = new PushedStatuses();
        var first = CorrelationIds.New();
        pushed.TryClaim(first, CardStatus.Completed);

        for (var i = 0; i < PushedStatuses.Capacity; i++)
            pushed.TryClaim(CorrelationIds.New(), CardStatus.Queued);

        Assert.True(pushed.TryClaim(first, CardStatus.Completed));
    }
}
