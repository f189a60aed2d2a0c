using System.Net;
using System.Text.Json.Nodes;
using ImageMagick;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;

namespace SnapMagic.UnitTests.Bedrock.Video;

/// <summary>The video adapters against the fake's asynchronous invocation API, signatures checked.</summary>
public sealed class FakeAsyncInvokeTests : FakeBedrockTests
{
    private static readonly Lazy<byte[]> Card = new(() => LocalImageModel.Paint(Prompt));

    [Fact]
    public async Task LumaRay2CompletesWithOutputMp4InTheInvocationsFolderAndAStartIsIdempotent()
    {
        var model = Model(BedrockVideoFamily.LumaRay2);

        var handle = await model.StartAnimationAsync(new("card-1", Card.Value, Prompt));
        var again = await model.StartAnimationAsync(new("card-1", Card.Value, Prompt));
        var status = await model.GetStatusAsync(handle);

        Assert.Equal(handle, again);
        var invocation = Assert.Single(Bedrock.AsyncInvocations);
        Assert.Matches("^arn:aws:bedrock:us-east-1:[0-9]{12}:async-invoke/[a-z0-9]{12}$", handle.Id);
        Assert.Equal("card-1", invocation.ClientRequestToken);
        Assert.Equal("luma.ray-v2:0", invocation.ModelId);
        var completed = Assert.IsType<AnimationStatus.Completed>(status);
        Assert.Equal($"s3://event-bucket/animations/card-1/{handle.Id.Split('/')[^1]}/output.mp4", completed.VideoLocation);
        // A real MP4 where Debian's ffmpeg is installed (tests/run.sh installs it); the animated WebP otherwise.
        var video = Bedrock.AsyncInvokeOutputs[completed.VideoLocation];
        if (FakeBedrockServer.AsyncInvokeVideoFormat == "video/mp4")
            Assert.Equal("ftyp"u8.ToArray(), video[4..8]);
        else
            Assert.Equal(KenBurnsAnimation.FrameCount, new MagickImageCollection(video).Count);
        Assert.Empty(Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task NovaReelIsInProgressUntilItsScriptedPollThenCompleted()
    {
        Bedrock.EnqueueAsyncInvoke(FakeAsyncInvokeOutcome.Complete(afterPolls: 3));
        var model = Model(BedrockVideoFamily.NovaReel);

        var handle = await model.StartAnimationAsync(new("card-2", Card.Value, Prompt));

        Assert.Same(AnimationStatus.InProgress, await model.GetStatusAsync(handle));
        Assert.Same(AnimationStatus.InProgress, await model.GetStatusAsync(handle));
        Assert.IsType<AnimationStatus.Completed>(await model.GetStatusAsync(handle));
        Assert.Equal("amazon.nova-reel-v1:1", Assert.Single(Bedrock.AsyncInvocations).ModelId);
        Assert.Empty(Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task AScriptedFailureTakeLongAndRefusalsReachTheAdapter()
    {
        Bedrock.EnqueueAsyncInvoke(
            FakeAsyncInvokeOutcome.Fail("The output video was blocked by our content filters."),
            FakeAsyncInvokeOutcome.TakeLong,
            FakeAsyncInvokeOutcome.Throttled,
            FakeAsyncInvokeOutcome.Unavailable);
        var model = Model(BedrockVideoFamily.LumaRay2);

        var failed = await model.GetStatusAsync(await model.StartAnimationAsync(new("card-3", Card.Value, Prompt)));
        var slow = await model.StartAnimationAsync(new("card-4", Card.Value, Prompt));
        var throttled = await Assert.ThrowsAsync<VideoModelException>(() => model.StartAnimationAsync(new("card-5", Card.Value, Prompt)));
        var unavailable = await Assert.ThrowsAsync<VideoModelException>(() => model.StartAnimationAsync(new("card-6", Card.Value, Prompt)));

        Assert.Equal(BedrockVideoModel.BlockedMessage, Assert.IsType<AnimationStatus.Failed>(failed).Reason);
        for (var poll = 0; poll < 5; poll++)
            Assert.Same(AnimationStatus.InProgress, await model.GetStatusAsync(slow));
        Assert.True(throttled.IsTransient);
        Assert.Contains("ThrottlingException (429)", throttled.Message);
        Assert.True(unavailable.IsTransient);
        var unknown = await Assert.ThrowsAsync<VideoModelException>(() => model.GetStatusAsync(new("arn:aws:bedrock:us-east-1:123456789012:async-invoke/000000000000")));
        Assert.False(unknown.IsTransient);
    }

    [Theory]
    [InlineData("""{"modelId":"luma.ray-v9:0","modelInput":{"prompt":"p"},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://b/"}}}""", "modelId 'luma.ray-v9:0' is not a video model")]
    [InlineData("""{"modelId":"luma.ray-v2:0","modelInput":{"prompt":"p"}}""", "outputDataConfig.s3OutputDataConfig is missing.")]
    [InlineData("""{"modelId":"luma.ray-v2:0","modelInput":{"prompt":"p"},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"https://b/"}}}""", "is not an s3://bucket[/prefix] URI.")]
    [InlineData("""{"modelId":"luma.ray-v2:0","modelInput":{"aspect_ratio":"1:1"},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://b/"}}}""", "modelInput.prompt is missing.")]
    [InlineData("""{"modelId":"luma.ray-v2:0","modelInput":{"prompt":"p","keyframes":{}},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://b/"}}}""", "modelInput.keyframes is not a field of this request.")]
    [InlineData("""{"modelId":"luma.ray-v2:0","modelInput":{"prompt":"p","duration":"6s","aspect_ratio":"2:1"},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://b/"}}}""", "modelInput.duration must be one of 5s, 9s")]
    [InlineData("""{"modelId":"amazon.nova-reel-v1:1","modelInput":{"taskType":"TEXT_VIDEO","textToVideoParams":{"text":"p"},"videoGenerationConfig":{"durationSeconds":12,"fps":24,"dimension":"1280x720"}},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://b/"}}}""", "durationSeconds must be 6 for TEXT_VIDEO.")]
    [InlineData("""{"modelId":"amazon.nova-reel-v1:1","modelInput":{"taskType":"MULTI_SHOT_AUTOMATED","textToVideoParams":{"text":"p"},"videoGenerationConfig":{"durationSeconds":6,"fps":24,"dimension":"1280x720"}},"outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://b/"}}}""", "is not TEXT_VIDEO")]
    public async Task AnInvalidStartIsA400ValidationExceptionThatSaysWhy(string body, string expected)
    {
        using var http = Signed();
        using var request = new HttpRequestMessage(HttpMethod.Post, BedrockAsyncInvokeClient.StartPath) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        var error = await Assert.ThrowsAsync<BedrockException>(() => http.SendAsync(request, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("ValidationException", error.ErrorType);
        Assert.Contains(expected, error.ServiceMessage);
        Assert.Empty(Bedrock.AsyncInvocations);
    }

    [Fact]
    public async Task ATokenOver256CharactersAndANovaReelImageNot1280x720AreRefused()
    {
        var model = Model(BedrockVideoFamily.LumaRay2);
        var longToken = await Assert.ThrowsAsync<VideoModelException>(() => model.StartAnimationAsync(new(new string('t', 257), Card.Value, Prompt)));
        var input = new JsonObject
        {
            ["taskType"] = "TEXT_VIDEO",
            ["textToVideoParams"] = new JsonObject
            {
                ["text"] = "p",
                ["images"] = new JsonArray(new JsonObject { ["format"] = "png", ["source"] = new JsonObject { ["bytes"] = Convert.ToBase64String(Card.Value) } }),
            },
            ["videoGenerationConfig"] = new JsonObject { ["durationSeconds"] = 6, ["fps"] = 24, ["dimension"] = "1280x720" },
        };
        using var client = new BedrockAsyncInvokeClient(VideoOptions(BedrockVideoFamily.NovaReel), TestCredentials);

        var wrongSize = await Assert.ThrowsAsync<BedrockException>(() => client.StartAsync(
            new("card-7", "amazon.nova-reel-v1:1", input, new(new("s3://b/"))), CancellationToken.None));

        Assert.False(longToken.IsTransient);
        Assert.Contains(Bedrock.ValidationFailures, f => f.StartsWith("clientRequestToken must be 1-256", StringComparison.Ordinal));
        Assert.Contains($"The input image is {CardTemplate.Width}x{CardTemplate.Height}; Nova Reel takes 1280x720.", wrongSize.ServiceMessage);
    }

    [Fact]
    public async Task ATokenReusedWithAnotherRequestIsA400ConflictExceptionAndEveryStartIsCounted()
    {
        var model = Model(BedrockVideoFamily.LumaRay2);
        var first = await model.StartAnimationAsync(new("card-10", Card.Value, Prompt));
        var repeated = await model.StartAnimationAsync(new("card-10", Card.Value, Prompt));

        var conflict = await Assert.ThrowsAsync<VideoModelException>(() => model.StartAnimationAsync(new("card-10", Card.Value, "Another prompt")));

        Assert.Equal(first, repeated);
        var error = Assert.IsType<BedrockException>(conflict.InnerException);
        Assert.Equal((HttpStatusCode.BadRequest, "ConflictException"), (error.StatusCode, error.ErrorType));
        Assert.Equal(FakeBedrockServer.TokenConflictMessage, error.ServiceMessage);
        Assert.False(conflict.IsTransient);
        Assert.Equal(3, Bedrock.StartAsyncInvokeCount);
        Assert.Single(Bedrock.AsyncInvocations); // one video
    }

    [Fact]
    public async Task ListAsyncInvokesAnswersEveryInvocationWithItsStatus()
    {
        Bedrock.EnqueueAsyncInvoke(FakeAsyncInvokeOutcome.Complete(afterPolls: 0), FakeAsyncInvokeOutcome.TakeLong);
        var model = Model(BedrockVideoFamily.LumaRay2);
        var done = await model.StartAnimationAsync(new("card-8", Card.Value, Prompt));
        await model.StartAnimationAsync(new("card-9", Card.Value, Prompt));
        await model.GetStatusAsync(done);
        using var http = Signed();

        using var request = new HttpRequestMessage(HttpMethod.Get, BedrockAsyncInvokeClient.StartPath);
        var all = JsonNode.Parse(await http.SendAsync(request, CancellationToken.None))!["asyncInvokeSummaries"]!.AsArray();

        Assert.Equal(["card-8", "card-9"], all.Select(s => (string?)s!["clientRequestToken"]));
        Assert.Equal(["Completed", "InProgress"], all.Select(s => (string?)s!["status"]));
        Assert.Equal(done.Id, (string?)all[0]!["invocationArn"]);
        Assert.NotNull(all[0]!["endTime"]);
    }

    private SignedBedrockHttp Signed() =>
        new(Options(BedrockModelFamily.Nova2Omni, null), Bedrock.Url, TestCredentials, null);

    private BedrockVideoOptions VideoOptions(BedrockVideoFamily family) =>
        new() { Family = family, Region = Bedrock.Region, ServiceUrl = Bedrock.Url.ToString(), OutputBucket = "event-bucket" };

    private IVideoModel Model(BedrockVideoFamily family)
    {
        var options = Microsoft.Extensions.Options.Options.Create(VideoOptions(family));
        var client = new BedrockAsyncInvokeClient(options.Value, TestCredentials);
        return family == BedrockVideoFamily.NovaReel
            ? new NovaReelVideoModel(client, options, NullLogger<NovaReelVideoModel>.Instance)
            : new LumaRay2VideoModel(client, options, NullLogger<LumaRay2VideoModel>.Instance);
    }
}
