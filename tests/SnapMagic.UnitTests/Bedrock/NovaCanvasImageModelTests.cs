using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SnapMagic.Aws.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.TestSupport;
using SnapMagic.FakeBedrock;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class NovaCanvasImageModelTests : IAsyncLifetime
{
    private const string Prompt = "A dragon flying over a castle at sunset";
    private const string TestSecret = "snapmagic-test-secret";
    private static readonly AWSCredentials TestCredentials = new BasicAWSCredentials("AKIDSNAPMAGICTEST", TestSecret);
    private FakeBedrockServer _bedrock = null!;

    public async Task InitializeAsync() => _bedrock = await FakeBedrockServer.StartAsync(secretKey: TestSecret);

    public async Task DisposeAsync() => await _bedrock.DisposeAsync();

    [Fact]
    public async Task PaintsTheArtWindowAndKeepsTheFrameCrisp()
    {
        using var client = Client();
        var png = await Model(client).PaintCardAsync(new("c1", Prompt));

        var card = Png.Decode(png);
        var template = CardTemplate.Load();
        Assert.Equal((688, 1024), (card.Width, card.Height));
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        var changed = 0;
        for (var y = top; y <= bottom; y++)
            for (var x = left; x <= right; x++)
                if (card.GetPixel(x, y) != template.GetPixel(x, y))
                    changed++;
        Assert.True(changed > CardTemplate.ArtWidth * CardTemplate.ArtHeight * 0.9, $"only {changed} art pixels changed");
        // The fake scribbles on row 0 as a model might; the frame above the caption must be our template's.
        for (var y = 0; y < top; y++)
            for (var x = 0; x < card.Width; x++)
                Assert.Equal(template.GetPixel(x, y), card.GetPixel(x, y));
        Assert.Equal(template.GetPixel(left - 1, (top + bottom) / 2), card.GetPixel(left - 1, (top + bottom) / 2));
        Assert.Equal(template.GetPixel(right + 1, (top + bottom) / 2), card.GetPixel(right + 1, (top + bottom) / 2));
        Assert.Empty(_bedrock.ValidationFailures);
    }

    [Fact]
    public async Task SendsASignedInpaintingRequestWithTheEncodedModelId()
    {
        using var client = Client();
        await Model(client).PaintCardAsync(new("c1", Prompt));

        Assert.Equal(1, _bedrock.RequestCount);
        Assert.Empty(_bedrock.ValidationFailures);
        var request = _bedrock.LastRequest!;
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
    }

    [Fact]
    public async Task SeedComesFromTheRequestThenConfigurationThenThePrompt()
    {
        using var client = Client();
        await Model(client, o => o.Seed = 42).PaintCardAsync(new("c1", Prompt));
        Assert.Equal(42, _bedrock.LastRequest!.Seed);
        await Model(client, o => o.Seed = 42).PaintCardAsync(new("c2", Prompt, Seed: 7));
        Assert.Equal(7, _bedrock.LastRequest!.Seed);
    }

    public static TheoryData<string> TransientReplies() => ["throttled", "model-not-ready", "internal-error", "unavailable"];

    [Theory]
    [MemberData(nameof(TransientReplies))]
    public async Task ThrottlingAndServerErrorsAreTransient(string reply)
    {
        _bedrock.Enqueue(reply switch
        {
            "throttled" => FakeBedrockReply.Throttled,
            "model-not-ready" => FakeBedrockReply.ModelNotReady,
            "internal-error" => FakeBedrockReply.InternalError,
            _ => FakeBedrockReply.Unavailable,
        });
        using var client = Client();
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
        Assert.IsType<BedrockException>(error.InnerException);

        // Nothing retries inside the adapter; the next call simply succeeds.
        await Model(client).PaintCardAsync(new("c2", Prompt));
        Assert.Equal(2, _bedrock.RequestCount);
    }

    [Fact]
    public async Task AValidationExceptionIsRejected()
    {
        _bedrock.Enqueue(FakeBedrockReply.Invalid());
        using var client = Client();
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Equal("ValidationException", ((BedrockException)error.InnerException!).ErrorType);
    }

    [Fact]
    public async Task AContentFilterBlockIsContentBlockedWithAReadableMessage()
    {
        _bedrock.Enqueue(FakeBedrockReply.PromptBlocked);
        using var client = Client();
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.ContentBlocked, error.Failure);
        Assert.Equal("Your prompt was blocked by the content filter. Try different words.", error.AttendeeMessage);
    }

    [Fact]
    public async Task ABlockedOutputIsContentBlocked()
    {
        _bedrock.Enqueue(FakeBedrockReply.OutputBlocked);
        using var client = Client();
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.ContentBlocked, error.Failure);
        Assert.Equal(NovaCanvasImageModel.OutputBlockedMessage, error.AttendeeMessage);
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheClientTimeoutIsTransient()
    {
        _bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromMinutes(5)));
        using var client = Client(o => o.TimeoutSeconds = 1);
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotTurnedIntoAModelFailure()
    {
        _bedrock.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromMinutes(5)));
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
        Assert.Contains(_bedrock.ValidationFailures, f => f.Contains("credential scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesASignatureMadeWithAnotherSecret()
    {
        using var client = new BedrockRuntimeClient(Options(null), new BasicAWSCredentials("AKIDSNAPMAGICTEST", "not-the-secret"));
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(client).PaintCardAsync(new("c1", Prompt)));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Contains(_bedrock.ValidationFailures, f => f.Contains("signature does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesAnUnsignedRequestWithABadMask()
    {
        using var http = new HttpClient { BaseAddress = _bedrock.Url };
        var grey = new RgbaImage(688, 1024);
        grey.FillRect(0, 0, 688, 1024, new Rgba(128, 128, 128));
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["taskType"] = "INPAINTING",
            ["inPaintingParams"] = new System.Text.Json.Nodes.JsonObject
            {
                ["image"] = Convert.ToBase64String(CardTemplate.LoadPng().Span),
                ["maskImage"] = Convert.ToBase64String(Png.Encode(grey)),
                ["text"] = "",
            },
            ["imageGenerationConfig"] = new System.Text.Json.Nodes.JsonObject { ["numberOfImages"] = 1, ["seed"] = -1 },
        }.ToJsonString();
        using var response = await http.PostAsync("model/amazon.nova-canvas-v1:0/invoke", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("ValidationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        var failures = _bedrock.ValidationFailures;
        Assert.Contains(failures, f => f.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("URL-encoded", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("black/white", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("1-1024", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("seed", StringComparison.Ordinal));
    }

    private BedrockRuntimeClient Client(Action<BedrockOptions>? configure = null) => new(Options(configure), TestCredentials);

    private BedrockOptions Options(Action<BedrockOptions>? configure)
    {
        var options = new BedrockOptions { ServiceUrl = _bedrock.Url.ToString() };
        configure?.Invoke(options);
        return options;
    }

    private NovaCanvasImageModel Model(BedrockRuntimeClient client, Action<BedrockOptions>? configure = null) =>
        new(client, Microsoft.Extensions.Options.Options.Create(Options(configure)), NullLogger<NovaCanvasImageModel>.Instance);
}
