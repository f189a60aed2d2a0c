using Amazon.Runtime;
using Microsoft.Extensions.Options;
using SnapMagic.Aws.Bedrock;
using SkiaSharp;
using SnapMagic.Imaging;
using SnapMagic.TestSupport;
using SnapMagic.FakeBedrock;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class NovaCanvasImageModelTests : FakeBedrockTests
{
    [Fact]
    public async Task SendsASignedInpaintingRequestWithTheEncodedModelId()
    {
        using var client = Client();
        await Model(client).PaintCardAsync(new("c1", Prompt));

        Assert.Equal(1, Bedrock.RequestCount);
        Assert.Empty(Bedrock.ValidationFailures);
        var request = Bedrock.LastRequest!;
        Assert.Equal("/model/amazon.nova-canvas-v1%3A0/invoke", request.RawPath);
        Assert.Equal("amazon.nova-canvas-v1:0", request.ModelId);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDSNAPMAGICTEST/", request.Authorization);
        Assert.Contains("/us-east-1/bedrock/aws4_request", request.Authorization);
        Assert.Equal("INPAINTING", request.TaskType);
        Assert.Equal(Prompt, request.Text);
        Assert.Equal("premium", request.Quality);
        Assert.Equal(6.5, request.CfgScale);
        Assert.Equal(PromptSeed.InRange(Prompt, NovaCanvasImageModel.MaxSeed), request.Seed);
        Assert.Equal((688, 1024), (request.ImageWidth, request.ImageHeight));
        Assert.Equal(BedrockModelFamily.NovaCanvas, request.Family);
        Assert.Equal(CardTemplate.ArtWidth * CardTemplate.ArtHeight, request.MaskedPixels);
    }

    [Fact]
    public async Task SeedComesFromTheRequestThenConfigurationThenThePrompt()
    {
        using var client = Client();
        await Model(client, o => o.Seed = 42).PaintCardAsync(new("c1", Prompt));
        Assert.Equal(42, Bedrock.LastRequest!.Seed);
        await Model(client, o => o.Seed = 42).PaintCardAsync(new("c2", Prompt, Seed: 7));
        Assert.Equal(7, Bedrock.LastRequest!.Seed);
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheClientTimeoutIsTransient()
    {
        Bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromMinutes(5)));
        using var client = Client(o => o.TimeoutSeconds = 1);
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotTurnedIntoAModelFailure()
    {
        Bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromMinutes(5)));
        using var client = Client();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Model(client).PaintCardAsync(new("c1", Prompt), cancel.Token));
    }

    [Fact]
    public async Task NoServerListeningIsTransient()
    {
        using var client = Client(o => o.ServiceUrl = $"http://127.0.0.1:{FreePort.Next()}");
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
    }

    [Fact]
    public async Task TheFakeRefusesARequestSignedForAnotherRegion()
    {
        using var client = Client(o => o.Region = "us-west-2");
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Contains(Bedrock.ValidationFailures, f => f.Contains("credential scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesASignatureMadeWithAnotherSecret()
    {
        using var client = new BedrockRuntimeClient(Options(null), new BasicAWSCredentials("AKIDSNAPMAGICTEST", "not-the-secret"));
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Contains(Bedrock.ValidationFailures, f => f.Contains("signature does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesAnUnsignedRequestWithABadMask()
    {
        using var http = new HttpClient { BaseAddress = Bedrock.Url };
        using var grey = new SKBitmap(CardTemplate.Info);
        grey.Erase(new SKColor(128, 128, 128));
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["taskType"] = "INPAINTING",
            ["inPaintingParams"] = new System.Text.Json.Nodes.JsonObject
            {
                ["image"] = Convert.ToBase64String(CardTemplate.LoadPng().Span),
                ["maskImage"] = Convert.ToBase64String(CardPng.Encode(grey)),
                ["text"] = "",
            },
            ["imageGenerationConfig"] = new System.Text.Json.Nodes.JsonObject { ["numberOfImages"] = 1, ["seed"] = -1 },
        }.ToJsonString();
        using var response = await http.PostAsync("model/amazon.nova-canvas-v1:0/invoke", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("ValidationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        var failures = Bedrock.ValidationFailures;
        Assert.Contains(failures, f => f.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("URL-encoded", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("black/white", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("1-1024", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("seed", StringComparison.Ordinal));
    }

    private IImageModel Model(BedrockRuntimeClient client, Action<BedrockOptions>? configure = null) =>
        Model(BedrockModelFamily.NovaCanvas, client, configure);
}
