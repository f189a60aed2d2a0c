using Microsoft.AspNetCore.SignalR;
using SnapMagic.Contracts;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.EndToEnd.Tests.Animations;

/// <summary>
/// An attendee animates a finished card through the real processes: the Api's POST, the worker's animation role with its
/// delayed re-checks, the backend's video model, the push, the download. Each backend gets a subclass on its shared system.
/// </summary>
public abstract class AnimationJourneyTests<TSystem>(TSystem system) where TSystem : SnapMagicSystem
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    protected TSystem System => system;

    /// <summary>What the backend's video is: an animated WebP locally, an MP4 from (the fake) Bedrock.</summary>
    protected abstract void AssertPlayable(byte[] video, string? contentType);

    /// <summary>Called before each test: the fake Bedrock learns where fauxqs is.</summary>
    protected virtual void PrepareBackend()
    {
    }

    [Fact]
    public async Task An_animation_is_pushed_to_its_owner_only_and_completes_with_a_playable_video()
    {
        PrepareBackend();
        var owner = await CompletedCardAsync("a lighthouse in a storm, animated");
        var intruder = await system.Api.LogInAsync();
        await using var intruderHub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(system.App.ApiUrl), intruder.Token);
        using var intruderPushes = intruderHub.CardUpdates();

        await Assert.ThrowsAsync<HubException>(() => intruderHub.SubscribeAsync(owner.Card));
        var requested = await system.Api.RequestAnimationAsync(owner.Token, owner.Card);
        var finished = await WaitForPushedAnimationAsync(owner, "completed", "failed");

        Assert.Contains(requested.Status, new[] { "queued", "processing", "completed" });
        Assert.True(finished.Animation!.Status == "completed", $"The animation failed: {finished.Animation.Error}{Environment.NewLine}{system.RecentOutput()}");
        Assert.False(string.IsNullOrEmpty(finished.Animation.VideoUrl));
        var (video, contentType) = await system.Api.DownloadAnimationAsync(owner.Token, owner.Card, finished.Animation.VideoUrl);
        AssertPlayable(video, contentType);
        // The other session was refused the card and heard nothing of it.
        Assert.DoesNotContain(intruderPushes.All, c => c.CorrelationId == owner.Card);
        Assert.Equal("completed", (await system.Api.GetCardAsync(owner.Token, owner.Card)).Animation?.Status);
        await owner.DisposeAsync();
    }

    /// <summary>A logged-in attendee with a completed card, subscribed to it.</summary>
    protected async Task<OwnedCard> CompletedCardAsync(string prompt)
    {
        var session = await system.Api.LogInAsync();
        var hub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(system.App.ApiUrl), session.Token);
        var pushes = hub.CardUpdates();
        var id = (await system.Api.SubmitCardAsync(session.Token, prompt)).CorrelationId;
        var snapshot = await hub.SubscribeAsync(id);
        if (snapshot.Status != "completed")
            snapshot = (await pushes.WaitForAsync(c => c.CorrelationId == id && c.Status is "completed" or "failed", Timeout)).Value;
        Assert.True(snapshot.Status == "completed", $"The card did not complete: {snapshot.Error}{Environment.NewLine}{system.RecentOutput()}");
        return new OwnedCard(session.Token, session.SessionId, id, hub, pushes);
    }

    protected async Task<CardView> WaitForPushedAnimationAsync(OwnedCard owner, params string[] statuses)
    {
        try
        {
            return (await owner.Pushes.WaitForAsync(c => c.CorrelationId == owner.Card && statuses.Contains(c.Animation?.Status), Timeout)).Value;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{system.RecentOutput()}", ex);
        }
    }

    protected sealed record OwnedCard(string Token, string SessionId, string Card, Microsoft.AspNetCore.SignalR.Client.HubConnection Hub, HubPushes<CardView> Pushes)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Pushes.Dispose();
            await Hub.DisposeAsync();
        }
    }
}
