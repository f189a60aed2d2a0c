using System.Text.Json.Nodes;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class Nova2OmniImageModelTests() : FamilyAdapterTests(BedrockModelFamily.Nova2Omni)
{
    private const string ConversePath = "model/us.amazon.nova-2-omni-v1%3A0/converse";

    [Fact]
    public async Task SendsASignedConverseRequestWithTheArtWindowAndTheInstruction()
    {
        await PaintAsync();

        var request = AssertSignedRequestTo("/" + ConversePath);
        Assert.Equal("png", request.ImageFormat);
        Assert.Equal((CardTemplate.ArtWidth, CardTemplate.ArtHeight), (request.ImageWidth, request.ImageHeight));
        Assert.Contains(Prompt, request.Text);
        Assert.Contains("Avoid: text, letters", request.Text);
    }

    [Fact]
    public async Task TheFakeRefusesTwoImagesAndAnInstructionBeforeThePicture()
    {
        var image = Picture("png", CardTemplate.LoadPng());
        var body = new JsonObject
        {
            ["modelId"] = "us.amazon.nova-2-omni-v1:0",
            ["messages"] = UserMessage(new JsonObject { ["text"] = "paint" }, image, image.DeepClone()),
            ["inferenceConfig"] = new JsonObject { ["temperature"] = 3 },
        };

        await AssertTheFakeRefusesAsync(ConversePath, body, "2 image blocks", "must come after the image", "does not take 'modelId'", "temperature");
    }

    [Fact]
    public async Task TheFakeRefusesAPictureWhoseBytesAreNotTheFormatItNames()
    {
        var body = new JsonObject { ["messages"] = UserMessage(Picture("jpeg", CardArt.WindowPng), new JsonObject { ["text"] = "paint" }) };

        await AssertTheFakeRefusesAsync(ConversePath, body, "image.source.bytes is Png, not Jpeg");
    }

    private static JsonObject Picture(string format, ReadOnlyMemory<byte> bytes) =>
        new() { ["image"] = new JsonObject { ["format"] = format, ["source"] = new JsonObject { ["bytes"] = Convert.ToBase64String(bytes.Span) } } };

    private static JsonArray UserMessage(params JsonNode[] content) =>
        new(new JsonObject { ["role"] = "user", ["content"] = new JsonArray(content) });
}
