using System.Net;
using SnapMagic.Api.Tests.Limits;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Feedback;

/// <summary>Answers per session and the event's per hour: 429 + Retry-After naming the limit, and a refused answer stores nothing.</summary>
public sealed class FeedbackLimitsTests
{
    [Fact]
    public async Task Past_the_sessions_answers_it_is_429_until_the_window_ends()
    {
        using var factory = new LimitsFactory(("Feedback:PerSession", "2"), ("Feedback:PerSessionWindowMinutes", "10"));
        var (client, login) = await factory.NewSessionAsync();

        await client.SubmitTypedFeedbackAsync(login.Token, "First answer");
        await client.SubmitFeedbackAsync(login.Token, TestRecordings.Webm, "audio/webm");
        using var refused = await client.PostTypedFeedbackAsync(login.Token, "Third answer, one too many");
        var (other, otherLogin) = await factory.NewSessionAsync();
        var othersAnswer = await other.SubmitTypedFeedbackAsync(otherLogin.Token, "Another session's answer");
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await client.SubmitTypedFeedbackAsync(login.Token, "An answer in the next window");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 2 feedback answers in 10 minutes", problem.GetProperty("detail").GetString());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(("queued", "queued"), (othersAnswer.Status, later.Status));
    }

    [Fact]
    public async Task Past_the_events_answers_an_hour_it_is_429()
    {
        using var factory = new LimitsFactory(("Feedback:EventPerHour", "1"));
        var (alice, aliceLogin) = await factory.NewSessionAsync();
        var (bob, bobLogin) = await factory.NewSessionAsync();

        await alice.SubmitTypedFeedbackAsync(aliceLogin.Token, "Alice liked it");
        using var refused = await bob.PostTypedFeedbackAsync(bobLogin.Token, "Bob liked it too");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("1 feedback answers an hour", problem.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
