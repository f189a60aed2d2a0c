using System.Text.Json.Nodes;
using Amazon.Runtime;
using SnapMagic.Imaging.Bedrock;
using SkiaSharp;
using SnapMagic.Imaging;
using SnapMagic.TestSupport;
using SnapMagic.FakeBedrock;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class NovaCanvasImageModelTests() : FamilyAdapterTests(BedrockModelFamily.NovaCanvas)
{
    [Fact]
    public async Task SendsASignedInpaintingRequestWithTheEncodedModelId()
    {
        await PaintAsync();

        Assert.Equal(1, Bedrock.RequestCount);
        var request = AssertSignedRequestTo("/model/amazon.nova-canvas-v1%3A0/invoke");
        Assert.Equal("amazon.nova-canvas-v1:0", request.ModelId);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDSNAPMAGICTEST/", request.Authorization);
        Assert.Equal("INPAINTING", request.TaskType);
        Assert.Equal(Prompt, request.Text);
        Assert.Equal("premium", request.Quality);
        Assert.Equal(6.5, request.CfgScale);
        Assert.Equal(PromptSeed.InRange(Prompt, NovaCanvasImageModel.MaxSeed), request.Seed);
        Assert.Equal((688, 1024), (request.ImageWidth, request.ImageHeight));
        Assert.Equal(CardTemplate.ArtWidth * CardTemplate.ArtHeight, request.MaskedPixels);
    }

    [Fact]
    public async Task SeedComesFromTheRequestThenConfigurationThenThePrompt()
    {
        await PaintAsync(o => o.Seed = 42);
        Assert.Equal(42, Bedrock.LastRequest!.Seed);
        await PaintAsync(o => o.Seed = 42, new("c2", Prompt, Seed: 7));
        Assert.Equal(7, Bedrock.LastRequest!.Seed);
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheClientTimeoutIsTransient()
    {
        Bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromMinutes(5)));
        var error = await PaintFailsAsync(o => o.TimeoutSeconds = 1);
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotTurnedIntoAModelFailure()
    {
        Bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromMinutes(5)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PaintAsync(cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task NoServerListeningIsTransient()
    {
        var error = await PaintFailsAsync(o => o.ServiceUrl = $"http://127.0.0.1:{FreePort.Next()}");
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
    }

    [Fact]
    public async Task TheFakeRefusesARequestSignedForAnotherRegion()
    {
        var error = await PaintFailsAsync(o => o.Region = "us-west-2");
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Contains(Bedrock.ValidationFailures, f => f.Contains("credential scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesASignatureMadeWithAnotherSecret()
    {
        var error = await PaintFailsAsync(credentials: new BasicAWSCredentials("AKIDSNAPMAGICTEST", "not-the-secret"));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Contains(Bedrock.ValidationFailures, f => f.Contains("signature does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesAnUnsignedRequestWithABadMask()
    {
        using var grey = new SKBitmap(CardTemplate.Info);
        grey.Erase(new SKColor(128, 128, 128));
        var body = new JsonObject
        {
            ["taskType"] = "INPAINTING",
            ["inPaintingParams"] = new JsonObject
            {
                ["image"] = Convert.ToBase64String(CardTemplate.LoadPng().Span),
                ["maskImage"] = Convert.ToBase64String(CardPng.Encode(grey)),
                ["text"] = "",
            },
            ["imageGenerationConfig"] = new JsonObject { ["numberOfImages"] = 1, ["seed"] = -1 },
        };

        await AssertTheFakeRefusesAsync("model/amazon.nova-canvas-v1:0/invoke", body, "Authorization", "URL-encoded", "black/white", "1-1024", "seed");
    }
}
