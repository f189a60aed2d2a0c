using Amazon.SQS;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using SnapMagic.Aws;
using SnapMagic.Aws.Sqs;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;
using SnapMagic.Queueing;
using SnapMagic.EndToEnd.Tests.Telemetry;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.EndToEnd.Tests.Animations;

/// <summary>
/// aws-local: the workers start Luma Ray 2 videos on the test's fake Bedrock (StartAsyncInvoke with the card's correlation id
/// as clientRequestToken), which writes output.mp4 into the event's bucket on fauxqs; the Api hands out a presigned link.
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class AwsAnimationTests(AwsSystem system) : AnimationJourneyTests<AwsSystem>(system)
{
    protected override void PrepareBackend() =>
        System.Bedrock.AsyncInvokeS3ServiceUrl = System.App.Aspire.GetEndpoint("fauxqs", "http").ToString();

    protected override void AssertPlayable(byte[] video, string? contentType)
    {
        Assert.Equal("video/mp4", FakeBedrockServer.AsyncInvokeVideoFormat); // ffmpeg is installed by tests/run.sh
        Assert.Equal("video/mp4", contentType);
        PlayableVideo.AssertMp4(video);
        Assert.Empty(System.Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task A_scripted_Bedrock_failure_ends_the_animation_failed_with_a_readable_reason()
    {
        PrepareBackend();
        await using var owner = await CompletedCardAsync("a storm over the harbour, failing");
        System.Bedrock.EnqueueAsyncInvoke(FakeAsyncInvokeOutcome.Fail("Internal error while generating the video.", afterPolls: 1));

        await System.Api.RequestAnimationAsync(owner.Token, owner.Card);
        var failed = await WaitForPushedAnimationAsync(owner, "failed", "completed");

        Assert.Equal("failed", failed.Animation!.Status);
        Assert.Equal(VideoModelException.RefusedMessage, failed.Animation.Error);
        Assert.Null(failed.Animation.VideoUrl);
        Assert.Equal("luma.ray-v2:0", System.Bedrock.AsyncInvocations.Single(i => i.ClientRequestToken == owner.Card).ModelId);
    }

    [Fact]
    public async Task Start_messages_delivered_again_start_one_video_on_Bedrock()
    {
        PrepareBackend();
        await using var owner = await CompletedCardAsync("a comet over the desert, started twice");
        var startsBefore = System.Bedrock.StartAsyncInvokeCount;

        await System.Api.RequestAnimationAsync(owner.Token, owner.Card);
        using (var sqs = System.Configuration.GetSection(AwsOptions.Section).Get<AwsOptions>()!.SqsClientOptions().CreateServiceClient<IAmazonSQS>())
        {
            var queues = new SqsCardQueues(sqs, System.Configuration.GetSection(QueueOptions.Section).Get<QueueOptions>() ?? new QueueOptions());
            for (var i = 0; i < 2; i++)
                await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Animation(owner.Card).ToJson()));
        }
        var finished = await WaitForPushedAnimationAsync(owner, "completed", "failed");

        Assert.Equal("completed", finished.Animation!.Status);
        var invocation = Assert.Single(System.Bedrock.AsyncInvocations, i => i.ClientRequestToken == owner.Card);
        Assert.Equal("Completed", invocation.Status);
        // However many copies reached StartAsyncInvoke (the token makes them one), a single video was made and stored.
        Assert.InRange(System.Bedrock.StartAsyncInvokeCount - startsBefore, 1, 3);
        var videoKey = $"animations/{owner.Card}/{invocation.InvocationArn.Split('/')[^1]}/{BedrockVideoModel.VideoFileName}";
        Assert.Equal([$"s3://{AwsOptions.LocalBucketName}/{videoKey}"],
            System.Bedrock.AsyncInvokeOutputs.Keys.Where(k => k.Contains(owner.Card, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_animation_is_one_trace_from_the_request_through_every_check_to_its_push()
    {
        PrepareBackend();
        await using var owner = await CompletedCardAsync("a paper boat on a river, traced");
        System.Bedrock.EnqueueAsyncInvoke(FakeAsyncInvokeOutcome.Complete(afterPolls: 2)); // a check in progress, then done

        await System.Api.RequestAnimationAsync(owner.Token, owner.Card);
        Assert.Equal("completed", (await WaitForPushedAnimationAsync(owner, "completed", "failed")).Animation!.Status);
        using var telemetry = new DashboardTelemetry(System.App.DashboardUrl);
        var traces = await telemetry.WaitForCardTracesAsync(owner.Card, spans =>
            spans.Count(s => s.Name == "animations process") >= 3 && spans.Any(s => s.Name == "video status"));

        var trace = Assert.Single(traces, t => t.Spans.Any(s => s.Name == "animations enqueue"));
        var spans = trace.Spans;
        var enqueue = Assert.Single(spans, s => (s.Service, s.Kind, s.Name) == ("api", "producer", "animations enqueue"));
        var processes = spans.Where(s => (s.Service, s.Kind, s.Name) == ("worker", "consumer", "animations process")).OrderBy(s => s.StartTime).ToList();
        Assert.True(processes.Count >= 3, string.Join(", ", spans.Select(s => $"{s.Service}:{s.Name}")));
        Assert.Equal(enqueue.SpanId, processes[0].ParentSpanId);
        foreach (var check in processes.Skip(1))
        {
            // Each check is the child of the re-check its predecessor sent.
            var send = Assert.Single(spans, s => s.SpanId == check.ParentSpanId);
            Assert.Equal(("worker", "producer", "animations recheck send"), (send.Service, send.Kind, send.Name));
            Assert.Contains(processes, p => p.SpanId == send.ParentSpanId);
        }
        Assert.Single(spans, s => (s.Kind, s.Name) == ("client", "video start"));
        Assert.True(spans.Count(s => (s.Kind, s.Name) == ("client", "video status")) >= 2);
        Assert.Contains(spans, s => s.Name == "animation status write" && s.Attributes.GetValueOrDefault("snapmagic.animation.status") == "completed");
        Assert.All(spans.Where(s => s.Service == "worker" && (s.Name.StartsWith("animation", StringComparison.Ordinal) || s.Name.StartsWith("video", StringComparison.Ordinal))), s => Assert.Equal(owner.Card, s.Attributes.GetValueOrDefault(DashboardTelemetry.CorrelationIdTag)));
    }
}
