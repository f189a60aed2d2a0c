using SnapMagic.Imaging.Bedrock;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Cards;

/// <summary>
/// aws-local end to end with the workers on a model family other than Nova Canvas (Stability AI inpainting):
/// the whole journey, a throttled answer that is retried, and a picture the content filter blocks.
/// </summary>
public sealed class StabilityCardTests(StabilityAwsSystem stability)
    : CardJourneyTests<StabilityAwsSystem>(stability), IClassFixture<StabilityAwsSystem>
{
    [Fact]
    public async Task A_throttled_answer_is_retried_and_the_card_completes()
    {
        const string prompt = "a lighthouse in a thunderstorm at night";
        System.Bedrock.EnqueueFor(BedrockModelFamily.StabilityInpaint, FakeBedrockReply.Throttled);

        var card = await FinishedCardAsync(prompt);

        Assert.True(card.Status == "completed", $"{card.Status}: {card.Error}{Environment.NewLine}{System.RecentOutput()}");
        Assert.Equal(2, System.Bedrock.Requests.Count(r => r.Text == prompt && r.Family == BedrockModelFamily.StabilityInpaint));
        Assert.Empty(System.Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task A_picture_the_content_filter_blocks_fails_the_card_with_a_readable_reason()
    {
        const string prompt = "a picture the filter will not let through";
        System.Bedrock.EnqueueFor(BedrockModelFamily.StabilityInpaint, FakeBedrockReply.OutputBlocked);

        var card = await FinishedCardAsync(prompt);

        Assert.Equal("failed", card.Status);
        Assert.Equal(BedrockException.OutputBlockedMessage, card.Error);
        Assert.Single(System.Bedrock.Requests, r => r.Text == prompt);
    }
}
