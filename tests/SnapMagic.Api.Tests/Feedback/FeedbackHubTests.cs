using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Feedback;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Api.Tests.Feedback;

/// <summary>
/// SubscribeFeedback answers the owner's feedback and feedbackUpdated follows, each status once, only while the store
/// still says it; other sessions' and unknown ids are hub errors that join nothing.
/// </summary>
public sealed class FeedbackHubTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private IFeedbackStore Store => factory.Services.GetRequiredService<IFeedbackStore>();

    [Fact]
    public async Task SubscribeFeedback_answers_the_view_and_each_status_is_pushed_once()
    {
        var (client, login) = await factory.NewSessionAsync();
        var accepted = await client.SubmitFeedbackAsync(login.Token, TestRecordings.Webm, "audio/webm");
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.FeedbackUpdates();

        var snapshot = await hub.SubscribeFeedbackAsync(accepted.FeedbackId);
        await Store.TryStartAsync(accepted.FeedbackId, DateTimeOffset.UtcNow);
        await client.NotifyFeedbackChangedAsync(accepted.FeedbackId, "processing");
        await client.NotifyFeedbackChangedAsync(accepted.FeedbackId, "processing");
        await pushes.WaitForAsync(f => f.Status == "processing", Timeout);
        await Store.TryCompleteAsync(accepted.FeedbackId, "I loved this booth", transcribed: true, Sentiment.Positive, DateTimeOffset.UtcNow);
        // The late notice of a redelivered copy, the real one, and the worker announcing it again.
        await client.NotifyFeedbackChangedAsync(accepted.FeedbackId, "processing");
        await client.NotifyFeedbackChangedAsync(accepted.FeedbackId, "completed");
        await client.NotifyFeedbackChangedAsync(accepted.FeedbackId, "completed");
        var completed = (await pushes.WaitForAsync(f => f.Status == "completed", Timeout)).Value;
        await hub.SubscribeFeedbackAsync(accepted.FeedbackId);

        Assert.Equal(("queued", "spoken"), (snapshot.Status, snapshot.Kind));
        Assert.Equal(["processing", "completed"], pushes.All.Select(f => f.Status));
        Assert.Equal(("I loved this booth", true, "positive"), (completed.Transcript, completed.Transcribed, completed.Sentiment));
        Assert.NotNull(completed.CompletedAt);
    }

    [Fact]
    public async Task A_recording_kept_without_a_transcript_is_shown_as_not_transcribed()
    {
        var (client, login) = await factory.NewSessionAsync();
        var accepted = await client.SubmitFeedbackAsync(login.Token, TestRecordings.Wav(), "audio/wav");
        await Store.TryStartAsync(accepted.FeedbackId, DateTimeOffset.UtcNow);
        await Store.TryCompleteAsync(accepted.FeedbackId, null, transcribed: false, null, DateTimeOffset.UtcNow);

        var view = await client.GetFeedbackAsync(login.Token, accepted.FeedbackId);

        Assert.Equal(("completed", false, null, null), (view.Status, view.Transcribed, view.Transcript, view.Sentiment));
    }

    [Fact]
    public async Task Other_sessions_unknown_and_malformed_ids_are_hub_errors_and_join_nothing()
    {
        var (owner, ownerLogin) = await factory.NewSessionAsync();
        var theirs = await owner.SubmitTypedFeedbackAsync(ownerLogin.Token, "The owner's own answer");
        var (client, login) = await factory.NewSessionAsync();
        var mine = await client.SubmitTypedFeedbackAsync(login.Token, "My own answer");
        var card = await client.SubmitCardAsync();
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.FeedbackUpdates();

        // A card id is not a feedback id, and a feedback id not a card id.
        foreach (var id in new[] { theirs.FeedbackId, CorrelationIds.New(), "not-an-id", "", card.CorrelationId })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => hub.SubscribeFeedbackAsync(id));
            Assert.Contains("no feedback with this id", error.Message);
        }
        await Assert.ThrowsAsync<HubException>(() => hub.SubscribeAsync(mine.FeedbackId));

        await hub.SubscribeFeedbackAsync(mine.FeedbackId);
        foreach (var id in new[] { theirs.FeedbackId, mine.FeedbackId })
        {
            await Store.TryStartAsync(id, DateTimeOffset.UtcNow);
            await client.NotifyFeedbackChangedAsync(id, "processing");
        }
        await pushes.WaitForAsync(f => f.FeedbackId == mine.FeedbackId, Timeout);
        Assert.DoesNotContain(pushes.All, f => f.FeedbackId == theirs.FeedbackId);
    }

    [Fact]
    public async Task Unsubscribe_stops_a_feedbacks_pushes()
    {
        var (client, login) = await factory.NewSessionAsync();
        var first = await client.SubmitTypedFeedbackAsync(login.Token, "First answer");
        var second = await client.SubmitTypedFeedbackAsync(login.Token, "Second answer");
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.FeedbackUpdates();
        await hub.SubscribeFeedbackAsync(first.FeedbackId);
        await hub.SubscribeFeedbackAsync(second.FeedbackId);

        await hub.InvokeAsync(CardsHubContract.Unsubscribe, first.FeedbackId);
        foreach (var id in new[] { first.FeedbackId, second.FeedbackId })
        {
            await Store.TryStartAsync(id, DateTimeOffset.UtcNow);
            await client.NotifyFeedbackChangedAsync(id, "processing");
        }

        await pushes.WaitForAsync(f => f.FeedbackId == second.FeedbackId, Timeout);
        Assert.DoesNotContain(pushes.All, f => f.FeedbackId == first.FeedbackId);
    }

    [Fact]
    public async Task Feedback_subscriptions_count_in_the_connections_cap_with_cards()
    {
        var (client, login) = await factory.NewSessionAsync();
        var feedback = await client.SubmitTypedFeedbackAsync(login.Token, "An answer to follow");
        var store = factory.Services.GetRequiredService<SnapMagic.Storage.IJobStore>();
        await using var hub = await factory.ConnectHubAsync(login.Token);
        for (var i = 0; i < CardsHubContract.MaxSubscriptionsPerConnection; i++)
        {
            var (job, _) = await store.CreateAsync(new CardJob
            {
                CorrelationId = CorrelationIds.New(),
                SessionId = login.SessionId,
                Prompt = $"Card {i} filling the connection",
                Status = CardStatus.Queued,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await hub.SubscribeAsync(job.CorrelationId);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.SubscribeFeedbackAsync(feedback.FeedbackId));

        Assert.Contains("at most", refused.Message);
    }

    [Fact]
    public async Task The_internal_notice_needs_the_key_a_known_id_and_a_known_status()
    {
        var (client, login) = await factory.NewSessionAsync();
        var accepted = await client.SubmitTypedFeedbackAsync(login.Token, "An answer for the notices");

        using var withoutKey = await Send(client, $"/internal/feedback/{accepted.FeedbackId}/changed", null);
        using var unknown = await Send(client, $"/internal/feedback/{CorrelationIds.New()}/changed", InternalApi.DevelopmentKey);
        using var malformed = await Send(client, "/internal/feedback/..%2F..%2Fjobs.db/changed", InternalApi.DevelopmentKey);
        using var badStatus = await Send(client, $"/internal/feedback/{accepted.FeedbackId}/changed?status=heard", InternalApi.DevelopmentKey);
        using var known = await Send(client, $"/internal/feedback/{accepted.FeedbackId}/changed", InternalApi.DevelopmentKey);

        await withoutKey.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound);
        await badStatus.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (key is not null)
            request.Headers.Add(InternalApi.KeyHeader, key);
        return await client.SendAsync(request);
    }
}
