namespace SnapMagic.Deploy.Tests;

/// <summary>What the worker and the Api are told about animations and feedback: which models, where the videos go, the limits.</summary>
public class AnimationAndFeedbackSettingsTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    private IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Worker => SynthesizedEvent.Environment(synthesized.Container("worker"));

    private IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Api => SynthesizedEvent.Environment(synthesized.Container("api"));

    [Fact]
    public void The_worker_animates_with_luma_ray2_in_us_west_2_into_the_events_bucket()
    {
        Assert.Equal("Bedrock", (string?)Worker[ServiceSettings.VideoModelProvider]);
        Assert.Equal("LumaRay2", (string?)Worker[ServiceSettings.VideoFamily]);
        Assert.Equal("us-west-2", (string?)Worker[ServiceSettings.VideoRegion]);
        Assert.Equal("luma.ray-v2:0", (string?)Worker[ServiceSettings.VideoModelId]);
        Assert.Equal($"{{\"Ref\":\"{synthesized.LogicalId(synthesized.Stack.Data.ImageBucket)}\"}}", Worker[ServiceSettings.VideoOutputBucket]!.ToJsonString());
        Assert.Equal(Worker[ServiceSettings.AwsBucketName]!.ToJsonString(), Worker[ServiceSettings.VideoOutputBucket]!.ToJsonString());
    }

    [Fact]
    public void The_worker_transcribes_with_nova_2_omni_and_scores_with_nova_2_lite()
    {
        Assert.Equal("Bedrock", (string?)Worker[ServiceSettings.SpeechProvider]);
        Assert.Equal("us.amazon.nova-2-omni-v1:0", (string?)Worker[ServiceSettings.SpeechModelId]);
        Assert.Equal("Bedrock", (string?)Worker[ServiceSettings.SentimentProvider]);
        Assert.Equal("us.amazon.nova-2-lite-v1:0", (string?)Worker[ServiceSettings.SentimentModelId]);
    }

    [Fact]
    public void Only_the_worker_is_told_about_models()
    {
        string[] modelSettings =
        [
            ServiceSettings.VideoModelProvider, ServiceSettings.VideoFamily, ServiceSettings.VideoOutputBucket,
            ServiceSettings.SpeechModelId, ServiceSettings.SentimentModelId,
        ];
        Assert.Empty(Api.Keys.Intersect(modelSettings));
        Assert.Empty(SynthesizedEvent.Environment(synthesized.Container("web")).Keys.Intersect(modelSettings));
    }

    [Fact]
    public void The_api_limits_animations_per_session_and_for_the_whole_event_and_feedback_per_session()
    {
        Assert.Equal("2", (string?)Api[ServiceSettings.AnimationsPerSessionPer10Minutes]);
        Assert.Equal("30", (string?)Api[ServiceSettings.AnimationsEventPerHour]);
        Assert.Equal("100", (string?)Api[ServiceSettings.AnimationsEventPerDay]);
        Assert.Equal("3", (string?)Api[ServiceSettings.FeedbackPerSessionPer10Minutes]);
        Assert.DoesNotContain(ServiceSettings.AnimationsEventPerDay, Worker.Keys);
    }

    [Theory]
    [InlineData("VideoModelFamily", "VideoModel:Bedrock:Family", "LumaRay2")]
    [InlineData("VideoModelRegion", "VideoModel:Bedrock:Region", "us-west-2")]
    [InlineData("SpeechModelId", "Speech:Bedrock:ModelId", "us.amazon.nova-2-omni-v1:0")]
    [InlineData("SentimentModelId", "Sentiment:Bedrock:ModelId", "us.amazon.nova-2-lite-v1:0")]
    public void Each_model_is_an_output_naming_its_configuration_key(string output, string key, string value)
    {
        Assert.Equal(key, (string?)synthesized.Json["Outputs"]![output]!["Description"]);
        Assert.Equal(value, (string?)synthesized.Json["Outputs"]![output]!["Value"]);
    }
}

/// <summary>The organizer's own limits and video family reach the services.</summary>
public class ChosenLimitsTests(ScaledEvent synthesized) : IClassFixture<ScaledEvent>
{
    [Fact]
    public void The_given_limits_and_nova_reel_in_us_east_1_reach_the_services()
    {
        var api = SynthesizedEvent.Environment(synthesized.Container("api"));
        var worker = SynthesizedEvent.Environment(synthesized.Container("worker"));

        Assert.Equal("1", (string?)api[ServiceSettings.AnimationsPerSessionPer10Minutes]);
        Assert.Equal("10", (string?)api[ServiceSettings.AnimationsEventPerHour]);
        Assert.Equal("40", (string?)api[ServiceSettings.AnimationsEventPerDay]);
        Assert.Equal("5", (string?)api[ServiceSettings.FeedbackPerSessionPer10Minutes]);
        Assert.Equal("NovaReel", (string?)worker[ServiceSettings.VideoFamily]);
        Assert.Equal("us-east-1", (string?)worker[ServiceSettings.VideoRegion]);
        Assert.Equal("amazon.nova-reel-v1:1", (string?)worker[ServiceSettings.VideoModelId]);
    }
}
