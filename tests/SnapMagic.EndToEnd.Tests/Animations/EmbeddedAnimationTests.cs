using SnapMagic.Cards;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.Queueing;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.EndToEnd.Tests.Animations;

/// <summary>The embedded backend: the local video model's animated WebP, on the embedded system the browser tests run (no extra start).</summary>
[Collection(Browser.BrowserCollection.Name)]
public sealed class EmbeddedAnimationTests(Browser.BrowserSystem browser) : AnimationJourneyTests<EmbeddedSystem>(browser.System)
{
    protected override void AssertPlayable(byte[] video, string? contentType)
    {
        Assert.Equal("image/webp", contentType);
        PlayableVideo.AssertAnimatedWebP(video, minFrames: 10);
    }

    [Fact]
    public async Task Start_messages_delivered_again_make_one_animation_drawn_once_into_the_blob_store()
    {
        await using var owner = await CompletedCardAsync("a fox in the snow, animated twice");

        await System.Api.RequestAnimationAsync(owner.Token, owner.Card);
        using (var queues = System.OpenQueues())
        {
            // Copies of the start, as a redelivery or a duplicate send would bring them: both workers may take one at once.
            for (var i = 0; i < 2; i++)
                await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(owner.Card).ToJson()));
        }
        var finished = await WaitForPushedAnimationAsync(owner, "completed", "failed");
        await System.WaitForJobQueueEmptyAsync(Timeout);

        Assert.Equal("completed", finished.Animation!.Status);
        var renders = Path.Combine(System.App.DataDirectory, "video-renders");
        Assert.Equal([$"{owner.Card}.webp"], Directory.GetFiles(renders, $"{owner.Card}*").Select(Path.GetFileName));
        var stored = System.ImageFiles().Where(f => f.Contains(owner.Card, StringComparison.Ordinal)).ToList();
        Assert.Contains(CardAnimation.VideoKeyFor(owner.SessionId, owner.Card, "webp"), stored);
        Assert.Single(owner.Pushes.All, c => c.CorrelationId == owner.Card && c.Animation?.Status == "completed");
        Assert.Equal("completed", (await System.Api.GetCardAsync(owner.Token, owner.Card)).Animation?.Status);
    }
}
