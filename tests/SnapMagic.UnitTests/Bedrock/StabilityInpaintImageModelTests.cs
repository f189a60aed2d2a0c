using System.Text.Json.Nodes;
using SkiaSharp;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class StabilityInpaintImageModelTests() : FamilyAdapterTests(BedrockModelFamily.StabilityInpaint)
{
    [Fact]
    public async Task SendsASignedInpaintRequestWhoseWhiteMaskIsExactlyTheArtWindow()
    {
        await PaintAsync();

        var request = AssertSignedRequestTo("/model/us.stability.stable-image-inpaint-v1%3A0/invoke");
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
        await PaintAsync(o => o.ModelId = "stability.stable-image-inpaint-v1:0", new("c1", Prompt, Seed: 7));

        Assert.Equal("stability.stable-image-inpaint-v1:0", Bedrock.LastRequest!.ModelId);
        Assert.Equal(7, Bedrock.LastRequest.Seed);
    }

    [Fact]
    public async Task AFamilyScriptLeavesTheOtherFamiliesAlone()
    {
        Bedrock.EnqueueFor(BedrockModelFamily.NovaCanvas, FakeBedrockReply.Throttled);
        await PaintAsync();
        Assert.Empty(Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task TheFakeRefusesAMaskInNovasConventionAndOtherFieldsOutOfRange()
    {
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
        };

        await AssertTheFakeRefusesAsync("model/us.stability.stable-image-inpaint-v1%3A0/invoke", body,
            "Authorization", "no white pixels", "prompt has 10001 characters", "seed -1", "output_format 'gif'", "does not take 'text'");
    }
}
