using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Api.Pushes;
using SnapMagic.Api.ScaleOut;
using SnapMagic.Cards;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Tests;

/// <summary>What every <see cref="IPushedStatuses"/> promises: each status claimed once, never after a further one.</summary>
public abstract class PushedStatusesContract
{
    private protected abstract IPushedStatuses Create();

    [Fact]
    public async Task Each_status_is_claimed_once_and_never_after_a_further_one()
    {
        var pushed = Create();
        var id = CorrelationIds.New();
        Task<bool> Claim(CardStatus status) => pushed.TryClaimAsync(id, status, null, CancellationToken.None);

        Assert.True(await Claim(CardStatus.Queued));
        Assert.True(await Claim(CardStatus.Processing));
        Assert.False(await Claim(CardStatus.Processing));
        Assert.False(await Claim(CardStatus.Queued));
        Assert.True(await Claim(CardStatus.Completed));
        Assert.False(await Claim(CardStatus.Completed));
        Assert.False(await Claim(CardStatus.Failed));
        Assert.True(await pushed.TryClaimAsync(CorrelationIds.New(), CardStatus.Completed, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_completed_cards_animation_is_claimed_state_by_state_and_once_each()
    {
        var pushed = Create();
        var id = CorrelationIds.New();
        Task<bool> Claim(CardAnimationStatus? animation) => pushed.TryClaimAsync(id, CardStatus.Completed, animation, CancellationToken.None);

        Assert.True(await Claim(null));
        Assert.True(await Claim(CardAnimationStatus.Queued));
        Assert.False(await Claim(CardAnimationStatus.Queued));
        // A late notice of the card's own completion, after its animation was pushed, pushes nothing.
        Assert.False(await Claim(null));
        Assert.True(await Claim(CardAnimationStatus.Processing));
        Assert.True(await Claim(CardAnimationStatus.Completed));
        Assert.False(await Claim(CardAnimationStatus.Completed));
        Assert.False(await Claim(CardAnimationStatus.Failed));
        Assert.False(await Claim(CardAnimationStatus.Processing));
    }

    [Fact]
    public async Task Feedback_is_claimed_apart_from_a_card_with_the_same_id()
    {
        var pushed = Create();
        var id = CorrelationIds.New();

        Assert.True(await pushed.TryClaimAsync(id, CardStatus.Completed, null, CancellationToken.None));
        Assert.True(await pushed.TryClaimFeedbackAsync(id, FeedbackStatus.Processing, CancellationToken.None));
        Assert.False(await pushed.TryClaimFeedbackAsync(id, FeedbackStatus.Processing, CancellationToken.None));
        Assert.True(await pushed.TryClaimFeedbackAsync(id, FeedbackStatus.Completed, CancellationToken.None));
        Assert.False(await pushed.TryClaimFeedbackAsync(id, FeedbackStatus.Failed, CancellationToken.None));
    }
}

public sealed class PushedStatusesTests : PushedStatusesContract
{
    private protected override IPushedStatuses Create() => new PushedStatuses();

    [Fact]
    public void The_oldest_cards_are_forgotten_past_the_capacity()
    {
        var pushed = new PushedStatuses();
        var first = CorrelationIds.New();
        pushed.TryClaim(first, IPushedStatuses.Rank(CardStatus.Completed));

        for (var i = 0; i < PushedStatuses.Capacity; i++)
            pushed.TryClaim(CorrelationIds.New(), IPushedStatuses.Rank(CardStatus.Queued));

        Assert.True(pushed.TryClaim(first, IPushedStatuses.Rank(CardStatus.Completed)));
    }
}

/// <summary>The replicas' shared de-duplication, on a real redis-server.</summary>
public sealed class RedisPushedStatusesTests(RedisServer redis) : PushedStatusesContract, IClassFixture<RedisServer>
{
    private protected override IPushedStatuses Create() => new RedisPushedStatuses(redis.Connection, NullLogger<RedisPushedStatuses>.Instance);

    [Fact]
    public async Task Two_replicas_share_what_was_pushed_and_claims_racing_for_one_status_win_once()
    {
        var replicas = new[] { Create(), Create() };
        var id = CorrelationIds.New();

        Assert.True(await replicas[0].TryClaimAsync(id, CardStatus.Processing, null, CancellationToken.None));
        Assert.False(await replicas[1].TryClaimAsync(id, CardStatus.Processing, null, CancellationToken.None));
        var racing = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => replicas[i % 2].TryClaimAsync(id, CardStatus.Completed, null, CancellationToken.None)));
        Assert.Single(racing, claimed => claimed);
    }

    [Fact]
    public async Task A_card_is_remembered_for_a_day()
    {
        var id = CorrelationIds.New();
        await Create().TryClaimAsync(id, CardStatus.Queued, null, CancellationToken.None);

        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(RedisPushedStatuses.KeyFor(id));
        Assert.InRange(ttl!.Value, RedisPushedStatuses.Remembered - TimeSpan.FromMinutes(1), RedisPushedStatuses.Remembered);
    }
}
