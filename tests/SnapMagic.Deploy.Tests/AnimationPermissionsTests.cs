using static SnapMagic.Deploy.Tests.IamStatements;

namespace SnapMagic.Deploy.Tests;

/// <summary>
/// The worker may run the one video model on Bedrock's asynchronous API and nothing wider: StartAsyncInvoke is authorised
/// as <c>bedrock:InvokeModel</c> on the model and the invocation, GetAsyncInvoke on the account's invocations in the
/// model's Region, ListAsyncInvokes (no resource type) alone on <c>*</c>; Bedrock writes with the worker's permissions.
/// </summary>
public class AnimationPermissionsTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    private List<System.Text.Json.Nodes.JsonObject> Worker => synthesized.TaskRoleStatements("worker");

    [Fact]
    public void Starting_a_video_is_invoke_model_on_luma_ray2_and_its_invocations_in_us_west_2()
    {
        var start = Worker.Statement("StartVideoInvocations");

        Assert.Equal(["bedrock:InvokeModel"], Actions(start));
        var resources = Resources(start);
        Assert.Equal(2, resources.Count);
        Assert.Contains(resources, r => r.Contains(":bedrock:us-west-2::foundation-model/luma.ray-v2:0"));
        Assert.Contains(resources, r => r.Contains(":bedrock:us-west-2:") && r.Contains("{\"Ref\":\"AWS::AccountId\"}") && r.Contains(":async-invoke/*"));
        // No such IAM action exists: the API reference authorises StartAsyncInvoke as bedrock:InvokeModel.
        Assert.DoesNotContain(Worker.SelectMany(Actions), action => action == "bedrock:StartAsyncInvoke");
    }

    [Fact]
    public void Polling_is_get_async_invoke_on_the_accounts_invocations_only()
    {
        var poll = Worker.Statement("PollVideoInvocations");

        Assert.Equal(["bedrock:GetAsyncInvoke"], Actions(poll));
        Assert.Single(Resources(poll), r => r.Contains(":bedrock:us-west-2:") && r.Contains(":async-invoke/*"));
        Assert.Single(Worker.Allowing("bedrock:GetAsyncInvoke"));
    }

    [Fact]
    public void Listing_invocations_is_the_only_bedrock_action_on_every_resource()
    {
        var list = Worker.Statement("ListVideoInvocations");

        Assert.Equal(["bedrock:ListAsyncInvokes"], Actions(list));
        Assert.Equal(["\"*\""], Resources(list));
        var bedrockOnEverything = Worker.Where(s => Actions(s).Any(a => a.StartsWith("bedrock:", StringComparison.Ordinal)) && Resources(s).Contains("\"*\""));
        Assert.Equal(["bedrock:ListAsyncInvokes"], bedrockOnEverything.SelectMany(Actions));
    }

    [Fact]
    public void Bedrock_writes_the_video_under_animations_with_the_workers_permissions()
    {
        var objects = Worker.Statement("WriteAndReadAnimations");

        Assert.Equal(["s3:PutObject", "s3:GetObject"], Actions(objects));
        Assert.Single(Resources(objects), r => r.Contains(synthesized.LogicalId(synthesized.Stack.Data.ImageBucket)) && r.EndsWith("\"/animations/*\"]]}", StringComparison.Ordinal));
        // The worker reads the finished card (the animation's first frame or its check) with its own card-image grant.
        Assert.Equal(["s3:PutObject", "s3:GetObject"], Actions(Worker.Statement("WriteCardImages")));
        // The delayed re-check of a running video is a new message on the job queue.
        Assert.Contains("sqs:SendMessage", Actions(Worker.Statement("ConsumeCards")));
    }

    [Fact]
    public void The_video_models_lifecycle_is_readable_for_the_start_up_check()
    {
        var lifecycle = Worker.Statement("ReadTheVideoModelLifecycle");

        Assert.Equal(["bedrock:GetFoundationModel"], Actions(lifecycle));
        Assert.Single(Resources(lifecycle), r => r.Contains(":bedrock:us-west-2::foundation-model/luma.ray-v2:0"));
    }

    [Fact]
    public void The_api_reads_the_videos_it_signs_links_to_and_never_calls_bedrock()
    {
        var api = synthesized.TaskRoleStatements("api");
        var read = api.Statement("ReadAnimations");

        Assert.Equal(["s3:GetObject"], Actions(read));
        Assert.Single(Resources(read), r => r.EndsWith("\"/animations/*\"]]}", StringComparison.Ordinal));
        Assert.DoesNotContain(api.SelectMany(Actions), action => action.StartsWith("bedrock:", StringComparison.Ordinal));
    }
}

/// <summary>Nova Reel (legacy, us-east-1) starts from the card's art, so the worker may read the card images too.</summary>
public class NovaReelPermissionsTests(ScaledEvent synthesized) : IClassFixture<ScaledEvent>
{
    [Fact]
    public void Nova_reel_is_invoked_in_us_east_1()
    {
        var worker = synthesized.TaskRoleStatements("worker");

        Assert.Contains(Resources(worker.Statement("StartVideoInvocations")), r => r.Contains(":bedrock:us-east-1::foundation-model/amazon.nova-reel-v1:1"));
        Assert.Contains(Resources(worker.Statement("PollVideoInvocations")), r => r.Contains(":bedrock:us-east-1:") && r.Contains(":async-invoke/*"));
    }
}
