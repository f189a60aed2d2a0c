namespace SnapMagic.Deploy.Tests;

/// <summary>The options that choose the video and feedback models and limit what animations and feedback may cost.</summary>
public class AnimationAndFeedbackOptionsTests
{
    private static EventStackOptions Parse(params string[] more) =>
        EventStackOptions.FromArgsAndContext(["--event", "reinvent", "--end", "2026-12-06T18:00Z", .. more], _ => null);

    [Fact]
    public void Defaults_are_luma_ray2_nova_2_omni_nova_2_lite_and_small_limits()
    {
        var options = Parse();

        Assert.Equal(new VideoModelChoice("LumaRay2", "luma.ray-v2:0", "us-west-2"), options.VideoModel);
        Assert.Equal("us.amazon.nova-2-omni-v1:0", options.SpeechModel.InvokedModelId);
        Assert.Equal("us.amazon.nova-2-lite-v1:0", options.SentimentModel.InvokedModelId);
        Assert.Equal((2, 30, 100, 3), (options.AnimationsPerSessionPer10Minutes, options.AnimationsPerHour, options.AnimationsPerDay, options.FeedbackPerSessionPer10Minutes));
    }

    [Fact]
    public void Nova_reel_is_offered_in_us_east_1_only()
    {
        Assert.Equal(new VideoModelChoice("NovaReel", "amazon.nova-reel-v1:1", "us-east-1"), Parse("--video-model", "novareel").VideoModel);
    }

    [Theory]
    [InlineData("us.amazon.nova-2-lite-v1:0", "amazon.nova-2-lite-v1:0", "us")]
    [InlineData("global.amazon.nova-2-lite-v1:0", "amazon.nova-2-lite-v1:0", "global")]
    [InlineData("amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0", null)]
    public void A_model_id_with_a_geography_is_called_through_that_profile(string id, string foundationModel, string? geography)
    {
        var model = Parse("--sentiment-model", id).SentimentModel;

        Assert.Equal(new InvokedModel(foundationModel, geography), model);
        Assert.Equal(id, model.InvokedModelId);
    }

    [Fact]
    public void The_cdk_context_sets_the_limits_too()
    {
        var options = EventStackOptions.FromArgsAndContext([], name => name switch
        {
            "event" => "reinvent",
            "end" => "2026-12-06T18:00Z",
            "animations-per-day" => "12",
            "animations-per-hour" => 6,
            _ => null,
        });

        Assert.Equal((6, 12), (options.AnimationsPerHour, options.AnimationsPerDay));
    }

    [Theory]
    [InlineData("--video-model", "Sora")]
    [InlineData("--video-model", "NovaCanvas")]
    [InlineData("--speech-model", "nova")]
    [InlineData("--sentiment-model", "amazon.*")]
    [InlineData("--animations-per-session", "0")]
    [InlineData("--animations-per-day", "-1")]
    [InlineData("--feedback-per-session", "many")]
    [InlineData("--animations-per-hour", "50", "--animations-per-day", "20")]
    public void Wrong_models_and_limits_are_refused_with_a_message(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(args));

        Assert.Contains($"--{args[^2].TrimStart('-')}", error.Message);
    }
}
