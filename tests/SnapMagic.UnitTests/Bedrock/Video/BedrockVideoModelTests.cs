using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;

namespace SnapMagic.UnitTests.Bedrock.Video;

public sealed class BedrockVideoModelTests
{
    private const string CorrelationId = "c0rrelation-Id_123";
    private const string Prompt = "A dragon flying over a castle at sunset";
    private const string Arn = "arn:aws:bedrock:us-west-2:123456789012:async-invoke/abcdef123456";
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIDSNAPMAGICTEST", "secret");
    private static readonly Lazy<byte[]> Card = new(() => LocalImageModel.Paint(Prompt));

    [Fact]
    public async Task LumaRay2StartsAnAsyncInvokeWithTheDocumentedFields()
    {
        var (model, http) = Luma(new StubBedrockHandler().Answer($$"""{"invocationArn":"{{Arn}}"}"""));

        var handle = await model.StartAnimationAsync(new(CorrelationId, Card.Value, Prompt));

        Assert.Equal(Arn, handle.Id);
        var request = Assert.Single(http.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://bedrock-runtime.us-west-2.amazonaws.com/async-invoke", request.Uri);
        Assert.Contains("/us-west-2/bedrock/aws4_request", request.Authorization);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["clientRequestToken", "modelId", "modelInput", "outputDataConfig"], body.Select(p => p.Key));
        Assert.Equal(CorrelationId, (string?)body["clientRequestToken"]);
        Assert.Equal("luma.ray-v2:0", (string?)body["modelId"]);
        Assert.Equal($"s3://event-bucket/animations/{CorrelationId}/", (string?)body["outputDataConfig"]!["s3OutputDataConfig"]!["s3Uri"]);
        Assert.Single(body["outputDataConfig"]!.AsObject());
        var input = body["modelInput"]!.AsObject();
        Assert.Equal(["prompt", "aspect_ratio", "loop", "duration", "resolution"], input.Select(p => p.Key));
        Assert.EndsWith(Prompt, (string?)input["prompt"]);
        Assert.Equal("1:1", (string?)input["aspect_ratio"]);
        Assert.True((bool)input["loop"]!);
        Assert.Equal("5s", (string?)input["duration"]);
        Assert.Equal("720p", (string?)input["resolution"]);
    }

    [Fact]
    public async Task NovaReelStartsFromTheCardsArtFittedInto1280x720()
    {
        var (model, http) = NovaReel(new StubBedrockHandler().Answer($$"""{"invocationArn":"{{Arn}}"}"""));

        await model.StartAnimationAsync(new(CorrelationId, Card.Value, Prompt));

        var request = Assert.Single(http.Requests);
        Assert.Equal("https://bedrock-runtime.us-east-1.amazonaws.com/async-invoke", request.Uri);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("amazon.nova-reel-v1:1", (string?)body["modelId"]);
        Assert.Equal(CorrelationId, (string?)body["clientRequestToken"]);
        var input = body["modelInput"]!.AsObject();
        Assert.Equal(["taskType", "textToVideoParams", "videoGenerationConfig"], input.Select(p => p.Key));
        Assert.Equal("TEXT_VIDEO", (string?)input["taskType"]);
        var parameters = input["textToVideoParams"]!.AsObject();
        Assert.Equal(["text", "images"], parameters.Select(p => p.Key));
        Assert.InRange(((string?)parameters["text"])!.Length, 1, NovaReelVideoModel.MaxTextLength);
        var image = Assert.Single(parameters["images"]!.AsArray())!.AsObject();
        Assert.Equal(["format", "source"], image.Select(p => p.Key));
        Assert.Equal("png", (string?)image["format"]);
        Assert.Equal(["bytes"], image["source"]!.AsObject().Select(p => p.Key));
        using var frame = CardPng.Decode(Convert.FromBase64String((string)image["source"]!["bytes"]!));
        Assert.Equal((1280, 720), (frame.Width, frame.Height));
        using var card = CardPng.Decode(Card.Value);
        // The art is fitted whole: its centre pixel lands on the frame's centre.
        var artCentre = card.GetPixel((CardTemplate.ArtWindow.Left + CardTemplate.ArtWindow.Right) / 2, (CardTemplate.ArtWindow.Top + CardTemplate.ArtWindow.Bottom) / 2);
        var frameCentre = frame.GetPixel(640, 360);
        Assert.InRange(Math.Abs(artCentre.Red - frameCentre.Red) + Math.Abs(artCentre.Green - frameCentre.Green) + Math.Abs(artCentre.Blue - frameCentre.Blue), 0, 30);
        var config = input["videoGenerationConfig"]!.AsObject();
        Assert.Equal(["durationSeconds", "fps", "dimension"], config.Select(p => p.Key));
        Assert.Equal(6, (int)config["durationSeconds"]!);
        Assert.Equal(24, (int)config["fps"]!);
        Assert.Equal("1280x720", (string?)config["dimension"]);
    }

    [Fact]
    public async Task TheStatusIsReadFromGetAsyncInvokeWithTheArnAsOneEncodedSegment()
    {
        var (model, http) = Luma(new StubBedrockHandler()
            .Answer($$"""{"invocationArn":"{{Arn}}","status":"InProgress","submitTime":"2026-12-04T22:00:00Z"}""")
            .Answer($$"""{"invocationArn":"{{Arn}}","status":"Completed","outputDataConfig":{"s3OutputDataConfig":{"s3Uri":"s3://event-bucket/animations/{{CorrelationId}}/abcdef123456"} } }""")
            .Answer($$"""{"invocationArn":"{{Arn}}","status":"Failed","failureMessage":"The output video was blocked by our content filters."}""")
            .Answer($$"""{"invocationArn":"{{Arn}}","status":"Failed","failureMessage":"Internal error."}"""));
        var handle = new AnimationHandle(Arn);

        Assert.Same(AnimationStatus.InProgress, await model.GetStatusAsync(handle));
        var completed = Assert.IsType<AnimationStatus.Completed>(await model.GetStatusAsync(handle));
        var blocked = Assert.IsType<AnimationStatus.Failed>(await model.GetStatusAsync(handle));
        var failed = Assert.IsType<AnimationStatus.Failed>(await model.GetStatusAsync(handle));

        Assert.All(http.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.Equal("/async-invoke/arn%3Aaws%3Abedrock%3Aus-west-2%3A123456789012%3Aasync-invoke%2Fabcdef123456", http.Requests[0].Path);
        Assert.Equal($"s3://event-bucket/animations/{CorrelationId}/abcdef123456/output.mp4", completed.VideoLocation);
        Assert.Equal("video/mp4", completed.ContentType);
        Assert.Equal(BedrockVideoModel.BlockedMessage, blocked.Reason);
        Assert.Equal(VideoModelException.RefusedMessage, failed.Reason);
        Assert.Contains("Internal error.", failed.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "ThrottlingException", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalServerException", true)]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException", false)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDeniedException", false)]
    public async Task RefusalsMapLikeTheImageModels(HttpStatusCode status, string errorType, bool transient)
    {
        var (model, _) = NovaReel(new StubBedrockHandler()
            .Answer("""{"message":"no"}""", status, errorType)
            .Answer("""{"message":"no"}""", status, errorType));

        var start = await Assert.ThrowsAsync<VideoModelException>(() => model.StartAnimationAsync(new(CorrelationId, Card.Value, Prompt)));
        var poll = await Assert.ThrowsAsync<VideoModelException>(() => model.GetStatusAsync(new(Arn)));

        Assert.Equal(transient, start.IsTransient);
        Assert.Equal(transient, poll.IsTransient);
        Assert.Equal(transient ? VideoModelException.BusyMessage : VideoModelException.RefusedMessage, start.AttendeeMessage);
        Assert.Contains(errorType, start.Message);
    }

    [Fact]
    public async Task AnUnknownStatusIsAGarbledAnswerWorthAnotherPoll()
    {
        var (model, _) = Luma(new StubBedrockHandler().Answer("""{"status":"Paused"}"""));

        var error = await Assert.ThrowsAsync<VideoModelException>(() => model.GetStatusAsync(new(Arn)));

        Assert.True(error.IsTransient);
    }

    private static (IVideoModel, StubBedrockHandler) Luma(StubBedrockHandler http) =>
        (new LumaRay2VideoModel(Client(BedrockVideoFamily.LumaRay2, http), Settings(BedrockVideoFamily.LumaRay2), NullLogger<LumaRay2VideoModel>.Instance), http);

    private static (IVideoModel, StubBedrockHandler) NovaReel(StubBedrockHandler http) =>
        (new NovaReelVideoModel(Client(BedrockVideoFamily.NovaReel, http), Settings(BedrockVideoFamily.NovaReel), NullLogger<NovaReelVideoModel>.Instance), http);

    private static BedrockAsyncInvokeClient Client(BedrockVideoFamily family, StubBedrockHandler http) =>
        new(Settings(family).Value, Credentials, http);

    private static Microsoft.Extensions.Options.IOptions<BedrockVideoOptions> Settings(BedrockVideoFamily family) =>
        Microsoft.Extensions.Options.Options.Create(new BedrockVideoOptions { Family = family, OutputBucket = "event-bucket" });
}
