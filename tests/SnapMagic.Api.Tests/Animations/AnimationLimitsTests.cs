using System.Net;
using SnapMagic.Api.Animations;
using SnapMagic.Api.Tests.Limits;
using SnapMagic.Api.Tests.Organizer;
using SnapMagic.Queueing;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Animations;

/// <summary>New animations per session and the event's budget per hour and day: 429 + Retry-After naming the limit; a repeat takes nothing.</summary>
public sealed class AnimationLimitsTests
{
    [Fact]
    public async Task Past_the_sessions_animations_a_new_one_is_429_but_a_repeat_of_one_made_is_still_202()
    {
        using var factory = new LimitsFactory(("Animations:PerSession", "1"), ("Animations:PerSessionWindowMinutes", "10"));
        var (client, login) = await factory.NewSessionAsync();
        var cards = await FinishedCardsAsync(factory, client, login.SessionId, 2);

        var first = await client.RequestAnimationAsync(login.Token, cards[0]);
        var repeat = await client.RequestAnimationAsync(login.Token, cards[0]);
        using var refused = await client.PostAnimationAsync(login.Token, cards[1]);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await client.RequestAnimationAsync(login.Token, cards[1]);

        Assert.Equal(first, repeat);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 1 cards in 10 minutes", problem.GetProperty("detail").GetString());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("queued", later.Status);
    }

    [Fact]
    public async Task Past_the_events_hourly_budget_another_session_gets_429_and_the_summary_shows_the_budget_used()
    {
        using var factory = new LimitsFactory(("Animations:EventPerHour", "1"), ("Animations:EventPerDay", "5"));
        var (alice, aliceLogin) = await factory.NewSessionAsync();
        var (bob, bobLogin) = await factory.NewSessionAsync();
        var aliceCard = (await FinishedCardsAsync(factory, alice, aliceLogin.SessionId, 1))[0];
        var bobCard = (await FinishedCardsAsync(factory, bob, bobLogin.SessionId, 1))[0];
        using var organizer = await factory.NewOrganizerAsync();

        await alice.RequestAnimationAsync(aliceLogin.Token, aliceCard);
        using var refused = await bob.PostAnimationAsync(bobLogin.Token, bobCard);
        var budget = (await organizer.GetSummaryAsync()).Animations.Budget;

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("budget of 1 animations an hour", problem.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(new AnimationBudget(PerHour: 1, Daily: 5, UsedThisHour: 1, UsedToday: 1), budget);
        Assert.Null((await bob.GetCardAsync(bobCard)).Animation);
    }

    [Fact]
    public async Task Past_the_events_daily_budget_it_is_429_naming_the_day()
    {
        using var factory = new LimitsFactory(("Animations:EventPerDay", "1"));
        var (client, login) = await factory.NewSessionAsync();
        var cards = await FinishedCardsAsync(factory, client, login.SessionId, 2);

        await client.RequestAnimationAsync(login.Token, cards[0]);
        using var refused = await client.PostAnimationAsync(login.Token, cards[1]);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("animations a day", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_queued_animation_asked_for_again_after_it_stalled_gets_its_message_again_and_not_before()
    {
        // An Api that died between storing the animation and sending its message left it queued with no message.
        using var factory = new LimitsFactory();
        var (client, login) = await factory.NewSessionAsync();
        var card = (await FinishedCardsAsync(factory, client, login.SessionId, 1))[0];
        await client.RequestAnimationAsync(login.Token, card);
        Assert.Single(AnimationJobs(await factory.DrainJobsAsync(), card)); // the message the crash would have lost

        await client.RequestAnimationAsync(login.Token, card);
        var early = AnimationJobs(await factory.DrainJobsAsync(), card);
        factory.Clock.Advance(AnimationRequests.StalledAfter);
        var again = await client.RequestAnimationAsync(login.Token, card);
        var late = AnimationJobs(await factory.DrainJobsAsync(), card);

        Assert.Empty(early);
        Assert.Single(late);
        Assert.Equal("queued", again.Status);
    }

    private static List<QueueMessage> AnimationJobs(IEnumerable<QueueMessage> messages, string correlationId) =>
        [.. messages.Where(m => JobMessage.TryParse(m.Body) == JobMessage.Animation(correlationId))];

    private static async Task<List<string>> FinishedCardsAsync(ApiFactory factory, HttpClient client, string sessionId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var card = await client.SubmitCardAsync($"Card number {i} to animate");
            await factory.CompleteWithImageAsync(card.CorrelationId, sessionId);
            ids.Add(card.CorrelationId);
        }
        return ids;
    }
}
