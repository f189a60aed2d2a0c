using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Hosting;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class BedrockFamilyRegistrationTests
{
    [Theory]
    [InlineData(null, typeof(Nova2OmniImageModel), "us.amazon.nova-2-omni-v1:0")]
    [InlineData("NovaCanvas", typeof(NovaCanvasImageModel), "amazon.nova-canvas-v1:0")]
    [InlineData("nova2omni", typeof(Nova2OmniImageModel), "us.amazon.nova-2-omni-v1:0")]
    [InlineData("StabilityInpaint", typeof(StabilityInpaintImageModel), "us.stability.stable-image-inpaint-v1:0")]
    public void TheFamilySettingPicksTheAdapterAndItsDefaultModel(string? family, Type adapter, string modelId)
    {
        using var host = Build(family);

        Assert.IsType(adapter, host.Services.GetRequiredService<IImageModel>());
        Assert.Equal(modelId, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BedrockOptions>>().Value.ModelId);
    }

    [Fact]
    public void AnUnknownFamilyStopsStartUpWithTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("NovaReel"));
        Assert.Equal("Unknown ImageModel:Bedrock:Family 'NovaReel': use NovaCanvas, Nova2Omni, StabilityInpaint.", error.Message);
    }

    private static IHost Build(string? family)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = "Bedrock";
        builder.Configuration["ImageModel:Bedrock:Family"] = family;
        builder.Configuration["Aws:AccessKeyId"] = "AKIDSNAPMAGICTEST";
        builder.Configuration["Aws:SecretAccessKey"] = "secret";
        builder.AddImageModel();
        return builder.Build();
    }
}
