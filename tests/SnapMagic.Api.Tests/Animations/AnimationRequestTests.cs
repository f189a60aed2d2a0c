using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Tests.Organizer;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Animations;

/// <summary>POST /api/cards/{id}/animation: the owner's finished card, once; its message on the job queue; refusals as ProblemDetails.</summary>
public sealed class AnimationRequestTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_owner_animates_a_finished_card_202_with_the_animation_and_the_card_shows_it()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        using var response = await client.PostAnimationAsync(login.Token, card.CorrelationId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/cards/{card.CorrelationId}", response.Headers.Location?.OriginalString);
        var animation = (await response.Content.ReadFromJsonAsync<CardAnimationView>(ApiClient.Json))!;
        Assert.Equal("queued", animation.Status);
        Assert.Null(animation.VideoUrl);
        Assert.Null(animation.Error);
        var view = await client.GetCardAsync(card.CorrelationId);
        Assert.Equal(animation, view.Animation);
        Assert.Equal("completed", view.Status);
    }

    [Fact]
    public async Task A_new_animation_sends_one_animation_job_with_the_trace_context_and_a_repeat_sends_none()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        // The card's own message first, so the probe below finds the animation's.
        await factory.ReceiveJobAsync(card.CorrelationId, Timeout);
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);

        var first = await client.RequestAnimationAsync(login.Token, card.CorrelationId);
        var message = await factory.ReceiveJobAsync(card.CorrelationId, Timeout);
        var again = await client.RequestAnimationAsync(login.Token, card.CorrelationId);

        Assert.Equal(JobMessage.Animation(card.CorrelationId), JobMessage.TryParse(message.Body));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", message.Attributes[MessageAttributes.TraceParent]);
        Assert.Equal(first, again);
        Assert.DoesNotContain(await factory.DrainJobsAsync(), m => m.Attributes.GetValueOrDefault(MessageAttributes.CorrelationId) == card.CorrelationId);
    }

    [Fact]
    public async Task A_finished_or_failed_animation_is_answered_as_it_is()
    {
        var (client, login) = await factory.NewSessionAsync();
        var done = await client.SubmitCardAsync("A card whose animation is finished");
        var failed = await client.SubmitCardAsync("A card whose animation failed");
        foreach (var id in new[] { done.CorrelationId, failed.CorrelationId })
        {
            await factory.CompleteWithImageAsync(id, login.SessionId);
            await client.RequestAnimationAsync(login.Token, id);
        }
        await factory.CompleteAnimationAsync(done.CorrelationId, login.SessionId);
        await factory.Services.GetRequiredService<IJobStore>().TryFailAnimationAsync(failed.CorrelationId, "The video model refused this card.", DateTimeOffset.UtcNow);

        var completed = await client.RequestAnimationAsync(login.Token, done.CorrelationId);
        var stillFailed = await client.RequestAnimationAsync(login.Token, failed.CorrelationId);

        Assert.Equal(("completed", "video/mp4"), (completed.Status, completed.VideoContentType));
        Assert.NotNull(completed.VideoUrl);
        Assert.NotNull(completed.CompletedAt);
        Assert.Equal(("failed", "The video model refused this card.", null), (stillFailed.Status, stillFailed.Error, stillFailed.VideoUrl));
    }

    [Fact]
    public async Task Other_sessions_organizers_unknown_and_malformed_ids_get_404_and_nothing_is_stored()
    {
        var (owner, login) = await factory.NewSessionAsync();
        var card = await owner.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        var (stranger, strangerLogin) = await factory.NewSessionAsync();
        var organizerToken = (await factory.LoginOrganizerAsync()).Token;

        foreach (var (token, id) in new[] { (strangerLogin.Token, card.CorrelationId), (organizerToken, card.CorrelationId), (login.Token, CorrelationIds.New()), (login.Token, "not-an-id") })
        {
            using var response = await stranger.PostAnimationAsync(token, id);
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains("no card with this id", problem.GetProperty("detail").GetString());
        }
        Assert.Null((await owner.GetCardAsync(card.CorrelationId)).Animation);
    }

    [Fact]
    public async Task A_card_not_finished_is_409_naming_its_status_and_gets_no_animation()
    {
        var (client, login) = await factory.NewSessionAsync();
        var queued = await client.SubmitCardAsync("A card still in the queue");
        var failed = await client.SubmitCardAsync("A card the model refused");
        await factory.Services.GetRequiredService<IJobStore>().TryFailAsync(failed.CorrelationId, "The image model refused this prompt.", DateTimeOffset.UtcNow);

        using var notYet = await client.PostAnimationAsync(login.Token, queued.CorrelationId);
        using var never = await client.PostAnimationAsync(login.Token, failed.CorrelationId);

        Assert.Contains("queued", (await notYet.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Contains("failed", (await never.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Null((await client.GetCardAsync(queued.CorrelationId)).Animation);
        Assert.Null((await client.GetCardAsync(failed.CorrelationId)).Animation);
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostAsync($"/api/cards/{CorrelationIds.New()}/animation", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_queue_that_refuses_the_message_is_503_and_the_animation_is_failed_with_the_reason()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<SnapMagic.Queueing.ICardQueues, RefusingQueues>()));
        using var brokenClient = broken.CreateClient();

        using var response = await brokenClient.PostAnimationAsync(login.Token, card.CorrelationId);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var animation = (await client.GetCardAsync(card.CorrelationId)).Animation!;
        Assert.Equal("failed", animation.Status);
        Assert.Equal(problem.GetProperty("detail").GetString(), animation.Error);
        Assert.Contains("could not be queued", animation.Error);
    }
}
