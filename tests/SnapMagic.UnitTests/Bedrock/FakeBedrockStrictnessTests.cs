using System.Text.Json.Nodes;
using Amazon.Runtime;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.UnitTests.Bedrock;

/// <summary>The fake is as strict about Nova Canvas as about the other families, and always checks the signature.</summary>
public sealed class FakeBedrockStrictnessTests() : FamilyAdapterTests(BedrockModelFamily.NovaCanvas)
{
    [Fact]
    public async Task Nova_Canvas_fields_the_API_does_not_take_are_refused_at_every_level()
    {
        var body = new JsonObject
        {
            ["taskType"] = "INPAINTING",
            ["modelId"] = "amazon.nova-canvas-v1:0",
            ["inPaintingParams"] = new JsonObject { ["text"] = "a prompt", ["mask"] = "" },
            ["imageGenerationConfig"] = new JsonObject { ["numberOfImages"] = 1, ["steps"] = 30 },
        };

        await AssertTheFakeRefusesAsync("model/amazon.nova-canvas-v1%3A0/invoke", body,
            "Nova Canvas does not take 'modelId'", "inPaintingParams does not take 'mask'", "imageGenerationConfig does not take 'steps'");
    }

    [Fact]
    public async Task A_fake_started_without_a_secret_checks_signatures_with_the_test_secret()
    {
        await using var strict = await FakeBedrockServer.StartAsync();
        var options = new BedrockOptions { Family = BedrockModelFamily.NovaCanvas, ServiceUrl = strict.Url.ToString(), ControlPlaneUrl = strict.Url.ToString() };

        using (var signedWithTheTestSecret = new BedrockRuntimeClient(options, new BasicAWSCredentials("AKIDSNAPMAGICTEST", FakeBedrockServer.TestSecretAccessKey)))
            await Model(signedWithTheTestSecret, options).PaintCardAsync(new("c1", Prompt));
        Assert.Empty(strict.ValidationFailures);

        using var signedWithAnother = new BedrockRuntimeClient(options, new BasicAWSCredentials("AKIDSNAPMAGICTEST", "another-secret"));
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(signedWithAnother, options).PaintCardAsync(new("c2", Prompt)));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Contains(strict.ValidationFailures, f => f.Contains("signature does not match", StringComparison.Ordinal));
    }

    private static NovaCanvasImageModel Model(BedrockRuntimeClient client, BedrockOptions options) =>
        new(client, Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Logging.Abstractions.NullLogger<NovaCanvasImageModel>.Instance);
}
