using System.Text.Json.Nodes;
using SkiaSharp;
using SnapMagic.FakeBedrock;
using SnapMagic.Aws.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class StabilityInpaintImageModelTests : FakeBedrockTests
{
    [Fact]
    public async Task SendsASignedInpaintRequestWhoseWhiteMaskIsExactlyTheArtWindow()
    {
        using var client = Client();
        await Model(client).PaintCardAsync(new("c1", Prompt));

        Assert.Empty(Bedrock.ValidationFailures);
        var request = Bedrock.LastRequest!;
        Assert.Equal(BedrockModelFamily.StabilityInpaint, request.Family);
        Assert.Equal("/model/us.stability.stable-image-inpaint-v1%3A0/invoke", request.RawPath);
        Assert.Contains("/us-east-1/bedrock/aws4_request", request.Authorization);
        Assert.Equal(Prompt, request.Text);
        Assert.Equal(new BedrockOptions().NegativeText, request.NegativeText);
        Assert.Equal("png", request.ImageFormat);
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (request.ImageWidth, request.ImageHeight));
        Assert.Equal(CardTemplate.ArtWidth * CardTemplate.ArtHeight, request.MaskedPixels);
        Assert.InRange(request.Seed!.Value, 0, StabilityInpaintImageModel.MaxSeed);
    }

    [Fact]
    public async Task ModelIdOverridesTheFamilyDefaultAndTheSeedComesFromTheRequest()
    {
        using var client = Client();
        await Model(client, o => o.ModelId = "stability.stable-image-inpaint-v1:0").PaintCardAsync(new("c1", Prompt, Seed: 7));

        Assert.Equal("stability.stable-image-inpaint-v1:0", Bedrock.LastRequest!.ModelId);
        Assert.Equal(7, Bedrock.LastRequest.Seed);
    }

    [Fact]
    public async Task AFamilyScriptLeavesTheOtherFamiliesAlone()
    {
        Bedrock.EnqueueFor(BedrockModelFamily.NovaCanvas, FakeBedrockReply.Throttled);
        using var client = Client();
        await Model(client).PaintCardAsync(new("c1", Prompt));
        Assert.Empty(Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task TheFakeRefusesAMaskInNovasConventionAndOtherFieldsOutOfRange()
    {
        using var http = new HttpClient { BaseAddress = Bedrock.Url };
        using var allBlack = new SKBitmap(CardTemplate.Info);
        allBlack.Erase(SKColors.Black);
        var body = new JsonObject
        {
            ["image"] = Convert.ToBase64String(CardTemplate.LoadPng().Span),
            ["mask"] = Convert.ToBase64String(CardPng.Encode(allBlack)), // Nova's "keep" colour everywhere: nothing to repaint
            ["prompt"] = new string('a', 10001),
            ["seed"] = -1,
            ["output_format"] = "gif",
            ["text"] = "a Nova Canvas field",
        }.ToJsonString();
        using var response = await http.PostAsync("model/us.stability.stable-image-inpaint-v1%3A0/invoke",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var failures = Bedrock.ValidationFailures;
        Assert.Contains(failures, f => f.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("no white pixels", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("prompt has 10001 characters", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("seed -1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("output_format 'gif'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("does not take 'text'", StringComparison.Ordinal));
    }

    private IImageModel Model(BedrockRuntimeClient client, Action<BedrockOptions>? configure = null) =>
        Model(BedrockModelFamily.StabilityInpaint, client, configure);
}
