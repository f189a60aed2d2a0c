using Amazon.CDK;

namespace SnapMagic.Deploy.Tests;

/// <summary>
/// Bedrock writes the videos into the event's bucket, which must be in the video model's Region: a stack whose Region is
/// known elsewhere is refused at synth with a message that says what to do; an environment-agnostic stack carries a
/// CloudFormation rule that refuses the deployment anywhere else.
/// </summary>
public class VideoRegionTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    private static readonly string[] Event = ["--event", "regions", "--end", "2026-12-06T18:00Z"];

    private static EventStack Build(string region, params string[] more)
    {
        ProjectNode.PutFirstOnPath();
        var options = EventStackOptions.FromArgsAndContext([.. Event, .. more], _ => null);
        return new EventStack(new App(), options, new Amazon.CDK.Environment { Account = "111122223333", Region = region });
    }

    [Fact]
    public void Luma_ray2_in_a_stack_outside_us_west_2_is_refused_with_what_to_do()
    {
        var refusal = Assert.Throws<ArgumentException>(() => Build("eu-west-1"));

        Assert.Contains("LumaRay2 (luma.ray-v2:0) runs in us-west-2 only", refusal.Message);
        Assert.Contains("this stack would be in eu-west-1", refusal.Message);
        Assert.Contains("Deploy the event in us-west-2", refusal.Message);
    }

    [Fact]
    public void Nova_reel_in_a_stack_outside_us_east_1_is_refused()
    {
        var refusal = Assert.Throws<ArgumentException>(() => Build("us-west-2", "--video-model", "NovaReel"));

        Assert.Contains("NovaReel (amazon.nova-reel-v1:1) runs in us-east-1 only", refusal.Message);
    }

    [Fact]
    public void A_stack_in_the_video_models_region_needs_no_rule()
    {
        var stack = Build("us-west-2");

        Assert.Equal("us-west-2", stack.Region);
        Assert.Null(stack.Node.TryFindChild(EventStack.VideoRegionRuleId));
    }

    [Fact]
    public void An_environment_agnostic_template_refuses_to_deploy_outside_the_video_models_region()
    {
        var rule = synthesized.Json["Rules"]![EventStack.VideoRegionRuleId]!["Assertions"]![0]!;

        Assert.Equal("{\"Fn::Equals\":[{\"Ref\":\"AWS::Region\"},\"us-west-2\"]}", rule["Assert"]!.ToJsonString());
        Assert.Contains("runs in us-west-2 only", (string?)rule["AssertDescription"]);
    }
}
