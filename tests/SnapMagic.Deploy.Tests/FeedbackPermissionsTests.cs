using static SnapMagic.Deploy.Tests.IamStatements;

namespace SnapMagic.Deploy.Tests;

/// <summary>
/// The spoken review: the Api stores the recording under <c>feedback/</c>, the worker reads it, transcribes it with
/// Nova 2 Omni and scores the text with Nova 2 Lite, each through its US cross-Region inference profile.
/// </summary>
public class FeedbackPermissionsTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    [Fact]
    public void The_api_stores_recordings_and_the_worker_only_reads_them()
    {
        var store = synthesized.TaskRoleStatements("api").Statement("StoreSpokenReviews");
        Assert.Equal(["s3:PutObject"], Actions(store));
        Assert.Single(Resources(store), r => r.EndsWith("\"/feedback/*\"]]}", StringComparison.Ordinal));

        var worker = synthesized.TaskRoleStatements("worker");
        var read = worker.Statement("ReadSpokenReviews");
        Assert.Equal(["s3:GetObject"], Actions(read));
        Assert.Single(Resources(read), r => r.EndsWith("\"/feedback/*\"]]}", StringComparison.Ordinal));
        Assert.DoesNotContain(worker.Allowing("s3:PutObject").SelectMany(Resources), r => r.Contains("/feedback/"));
    }

    [Theory]
    [InlineData("InvokeTheSpeechModel", "amazon.nova-2-omni-v1:0")]
    [InlineData("InvokeTheSentimentModel", "amazon.nova-2-lite-v1:0")]
    public void Each_feedback_model_is_invoked_through_its_us_profile(string sid, string foundationModel)
    {
        var invoke = synthesized.TaskRoleStatements("worker").Statement(sid);

        Assert.Equal(["bedrock:InvokeModel"], Actions(invoke));
        var resources = Resources(invoke);
        Assert.Equal(2, resources.Count);
        // The profile in the stack's Region, and the model in the Regions the profile may route to.
        Assert.Contains(resources, r => r.Contains("{\"Ref\":\"AWS::Region\"}") && r.Contains($":inference-profile/us.{foundationModel}"));
        Assert.Contains(resources, r => r.Contains($":bedrock:*::foundation-model/{foundationModel}"));
    }
}

/// <summary>A model given by its global profile is allowed as that profile, and no other.</summary>
public class GlobalProfilePermissionsTests(ScaledEvent synthesized) : IClassFixture<ScaledEvent>
{
    [Fact]
    public void The_sentiment_model_is_invoked_through_the_global_profile()
    {
        var resources = Resources(synthesized.TaskRoleStatements("worker").Statement("InvokeTheSentimentModel"));

        Assert.Contains(resources, r => r.Contains(":inference-profile/global.amazon.nova-2-lite-v1:0"));
        Assert.DoesNotContain(resources, r => r.Contains(":inference-profile/us."));
        Assert.Equal("global.amazon.nova-2-lite-v1:0", (string?)SynthesizedEvent.Environment(synthesized.Container("worker"))[ServiceSettings.SentimentModelId]);
    }
}
