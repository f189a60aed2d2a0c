using System.Net;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Tests.Organizer;

namespace SnapMagic.Api.Tests.Limits;

/// <summary>Card submits per client address and the event's budget per minute and per day: 429 + Retry-After naming the limit.</summary>
public sealed class CardSpendLimitsTests
{
    [Fact]
    public async Task Past_the_cards_from_one_address_a_new_session_gets_429_naming_the_address()
    {
        using var factory = new LimitsFactory(("Cards:PerAddressPerMinute", "2"));

        for (var i = 0; i < 2; i++)
        {
            var (session, _) = await factory.NewSessionAsync();
            using (session)
                await session.SubmitCardAsync($"Card number {i} from the kiosk address");
        }
        var (another, _) = await factory.NewSessionAsync();
        using var refused = await another.PostCardAsync("A card one past the address limit");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("address", problem.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Past_the_event_budget_a_minute_cards_get_429_until_the_next_minute()
    {
        using var factory = new LimitsFactory(("Cards:EventPerMinute", "2"));
        var (client, _) = await factory.NewSessionAsync();

        await client.SubmitCardAsync("The first card of the minute");
        await client.SubmitCardAsync("The second card of the minute");
        using var refused = await client.PostCardAsync("A card past the minute's budget");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var nextMinute = await client.PostCardAsync("A card in the next minute");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("budget of 2 cards a minute", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, nextMinute.StatusCode);
    }

    [Fact]
    public async Task Past_the_daily_budget_cards_get_429_and_the_organizer_summary_shows_the_budget_and_its_use()
    {
        using var factory = new LimitsFactory(("Cards:EventPerDay", "2"), ("Cards:EventPerMinute", "50"));
        var (client, _) = await factory.NewSessionAsync();
        // Logged in before the clock moves: a token stamped ahead of the real clock is not valid yet.
        using var organizer = await factory.NewOrganizerAsync();

        await client.SubmitCardAsync("The first card of the day");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.SubmitCardAsync("The second card of the day");
        using var refused = await client.PostCardAsync("A card past the day's budget");
        var budget = (await organizer.GetSummaryAsync()).Budget;

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("cards a day", problem.GetProperty("detail").GetString());
        Assert.Equal(new CardBudget(PerMinute: 50, Daily: 2, UsedThisMinute: 1, UsedToday: 2), budget);
    }
}
