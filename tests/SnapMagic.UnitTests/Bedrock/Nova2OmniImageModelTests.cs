using System.Text.Json.Nodes;
using SnapMagic.FakeBedrock;
using SnapMagic.Aws.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class Nova2OmniImageModelTests : FakeBedrockTests
{
    [Fact]
    public async Task SendsASignedConverseRequestWithTheArtWindowAndTheInstruction()
    {
        using var client = Client();
        await Model(client).PaintCardAsync(new("c1", Prompt));

        Assert.Empty(Bedrock.ValidationFailures);
        var request = Bedrock.LastRequest!;
        Assert.Equal(BedrockModelFamily.Nova2Omni, request.Family);
        Assert.Equal("/model/us.amazon.nova-2-omni-v1%3A0/converse", request.RawPath);
        Assert.Contains("/us-east-1/bedrock/aws4_request", request.Authorization);
        Assert.Equal("png", request.ImageFormat);
        Assert.Equal((CardTemplate.ArtWidth, CardTemplate.ArtHeight), (request.ImageWidth, request.ImageHeight));
        Assert.Contains(Prompt, request.Text);
        Assert.Contains("Avoid: text, letters", request.Text);
    }

    [Fact]
    public async Task TheFakeRefusesTwoImagesAndAnInstructionBeforeThePicture()
    {
        using var http = new HttpClient { BaseAddress = Bedrock.Url };
        var image = new JsonObject { ["image"] = new JsonObject { ["format"] = "png", ["source"] = new JsonObject { ["bytes"] = Convert.ToBase64String(CardTemplate.LoadPng().Span) } } };
        var body = new JsonObject
        {
            ["modelId"] = "us.amazon.nova-2-omni-v1:0",
            ["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(new JsonObject { ["text"] = "paint" }, image, image.DeepClone()),
            }),
            ["inferenceConfig"] = new JsonObject { ["temperature"] = 3 },
        }.ToJsonString();
        using var response = await http.PostAsync("model/us.amazon.nova-2-omni-v1%3A0/converse",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var failures = Bedrock.ValidationFailures;
        Assert.Contains(failures, f => f.Contains("2 image blocks", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("must come after the image", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("does not take 'modelId'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("temperature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFakeRefusesAPictureWhoseBytesAreNotTheFormatItNames()
    {
        using var http = new HttpClient { BaseAddress = Bedrock.Url };
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(
                    new JsonObject { ["image"] = new JsonObject { ["format"] = "jpeg", ["source"] = new JsonObject { ["bytes"] = Convert.ToBase64String(CardArt.WindowPng.Span) } } },
                    new JsonObject { ["text"] = "paint" }),
            }),
        }.ToJsonString();
        using var response = await http.PostAsync("model/us.amazon.nova-2-omni-v1%3A0/converse",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Bedrock.ValidationFailures, f => f.Contains("image.source.bytes is Png, not Jpeg", StringComparison.Ordinal));
    }

    private IImageModel Model(BedrockRuntimeClient client) => Model(BedrockModelFamily.Nova2Omni, client);
}
