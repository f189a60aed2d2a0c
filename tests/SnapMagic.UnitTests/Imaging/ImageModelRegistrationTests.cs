using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Aws.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

public sealed class ImageModelRegistrationTests
{
    [Fact]
    public void LocalIsTheDefaultAndReadsItsOptions()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Local:LatencyMs"] = "250";
        builder.AddImageModel();
        using var host = builder.Build();

        Assert.IsType<LocalImageModel>(host.Services.GetRequiredService<IImageModel>());
        Assert.Equal(250, host.Services.GetRequiredService<IOptions<ImageModelOptions>>().Value.Local.LatencyMs);
    }

    [Fact]
    public void BedrockRegistersNovaCanvasWithItsOwnSection()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = "Bedrock";
        builder.Configuration["ImageModel:Bedrock:ModelId"] = "amazon.nova-canvas-v2:0";
        builder.Configuration["ImageModel:Bedrock:Region"] = "eu-west-1";
        builder.AddImageModel();

        // Not resolved: that would read this machine's AWS credential chain.
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IImageModel) && d.ImplementationType == typeof(NovaCanvasImageModel));
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<BedrockOptions>>().Value;
        Assert.Equal(("amazon.nova-canvas-v2:0", "eu-west-1", "premium"), (options.ModelId, options.Region, options.Quality));
        Assert.Equal(new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com/"), options.ResolveServiceUrl());
    }

    [Fact]
    public void AnUnknownProviderStopsStartUpWithAClearMessage()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = "Dall-E";
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddImageModel());
        Assert.Contains("ImageModel:Provider", error.Message);
    }
}
