using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging.Hosting;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;

namespace SnapMagic.UnitTests.Imaging;

public sealed class VideoModelRegistrationTests
{
    [Theory]
    [InlineData(null, null, typeof(LocalVideoModel))]
    [InlineData("Bedrock", null, typeof(LumaRay2VideoModel))]
    [InlineData("bedrock", "novareel", typeof(NovaReelVideoModel))]
    public void TheProviderAndFamilyPickTheAdapter(string? provider, string? family, Type adapter)
    {
        using var host = Build(provider, family);

        Assert.IsType(adapter, host.Services.GetRequiredService<IVideoModel>());
    }

    [Fact]
    public void BedrockDefaultsToLumaRay2InUsWest2WritingToTheEventsBucket()
    {
        using var host = Build("Bedrock", null);

        var options = host.Services.GetRequiredService<IOptions<BedrockVideoOptions>>().Value;
        Assert.Equal(("luma.ray-v2:0", "us-west-2"), (options.ModelId, options.Region));
        Assert.Equal("s3://snapmagic-event/animations/card-1/", options.OutputS3Uri("card-1"));
        using var novaReel = Build("Bedrock", "NovaReel");
        var reel = novaReel.Services.GetRequiredService<IOptions<BedrockVideoOptions>>().Value;
        Assert.Equal(("amazon.nova-reel-v1:1", "us-east-1"), (reel.ModelId, reel.Region));
    }

    [Fact]
    public void AnUnknownProviderOrFamilyStopsStartUpWithTheChoices()
    {
        Assert.Equal("Unknown VideoModel:Provider 'Cloud': use Local or Bedrock.",
            Assert.Throws<InvalidOperationException>(() => Build("Cloud", null)).Message);
        Assert.Equal("Unknown VideoModel:Bedrock:Family 'Sora': use LumaRay2, NovaReel.",
            Assert.Throws<InvalidOperationException>(() => Build("Bedrock", "Sora")).Message);
    }

    private static IHost Build(string? provider, string? family)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["VideoModel:Provider"] = provider;
        builder.Configuration["VideoModel:Bedrock:Family"] = family;
        builder.Configuration["Aws:BucketName"] = "snapmagic-event";
        builder.Configuration["Aws:AccessKeyId"] = "AKIDSNAPMAGICTEST";
        builder.Configuration["Aws:SecretAccessKey"] = "secret";
        builder.AddVideoModel();
        return builder.Build();
    }
}
