using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Contracts;
using SnapMagic.Storage;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Animations;

/// <summary>
/// An animation's changes reach the card's subscribers with cardUpdated although the card stays completed: the request's
/// "queued" from the Api itself, the worker's notices (<c>?status=completed&amp;animation=…</c>) once each and only while the
/// store still says so.
/// </summary>
public sealed class AnimationPushTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_animation_status_is_pushed_once_to_the_owner()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        await using var hub = await factory.ConnectHubAsync(login.Token);
        using var pushes = hub.CardUpdates();
        await hub.SubscribeAsync(card.CorrelationId);

        await client.RequestAnimationAsync(login.Token, card.CorrelationId);
        await pushes.WaitForAsync(c => c.Animation?.Status == "queued", Timeout);
        var store = factory.Services.GetRequiredService<IJobStore>();
        await store.TryStartAnimationAsync(card.CorrelationId, "invocation-1", DateTimeOffset.UtcNow);
        await client.NotifyAnimationChangedAsync(card.CorrelationId, "processing");
        await client.NotifyAnimationChangedAsync(card.CorrelationId, "processing");
        await pushes.WaitForAsync(c => c.Animation?.Status == "processing", Timeout);
        await factory.CompleteAnimationAsync(card.CorrelationId, login.SessionId);
        await client.NotifyAnimationChangedAsync(card.CorrelationId, "completed");
        // A redelivered start's late notice, and the worker announcing the finished animation again.
        await client.NotifyAnimationChangedAsync(card.CorrelationId, "processing");
        await client.NotifyAnimationChangedAsync(card.CorrelationId, "completed");
        var completed = (await pushes.WaitForAsync(c => c.Animation?.Status == "completed", Timeout)).Value;
        // A hub round trip after the pushes: anything sent before it has arrived.
        await hub.SubscribeAsync(card.CorrelationId);

        Assert.Equal(["queued", "processing", "completed"], pushes.All.Select(c => c.Animation?.Status));
        Assert.All(pushes.All, c => Assert.Equal("completed", c.Status));
        Assert.StartsWith($"http://localhost/api/cards/{card.CorrelationId}/animation/video?", completed.Animation!.VideoUrl);
    }

    [Fact]
    public async Task Another_sessions_connection_gets_none_of_it()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        var (other, otherLogin) = await factory.NewSessionAsync();
        var theirs = await other.SubmitCardAsync("The other session's own card");
        await using var strangerHub = await factory.ConnectHubAsync(otherLogin.Token);
        using var strangerPushes = strangerHub.CardUpdates();
        await strangerHub.SubscribeAsync(theirs.CorrelationId);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => strangerHub.SubscribeAsync(card.CorrelationId));

        await client.RequestAnimationAsync(login.Token, card.CorrelationId);
        await factory.StartAndNotifyAsync(other, theirs.CorrelationId);
        await strangerPushes.WaitForAsync(c => c.CorrelationId == theirs.CorrelationId, Timeout);

        Assert.DoesNotContain(strangerPushes.All, c => c.CorrelationId == card.CorrelationId);
    }

    [Fact]
    public async Task An_unknown_animation_status_in_a_notice_is_400()
    {
        var (client, login) = await factory.NewSessionAsync();
        var card = await client.SubmitCardAsync();
        await factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/cards/{card.CorrelationId}/changed?status=completed&animation=dancing");
        request.Headers.Add(InternalApi.KeyHeader, InternalApi.DevelopmentKey);

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
    }
}
