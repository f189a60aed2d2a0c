using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Hosting;

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
    public async Task BedrockRegistersNovaCanvasSignedWithTheAwsSectionsKeys()
    {
        await using var bedrock = await FakeBedrockServer.StartAsync("eu-west-1", secretKey: "config-secret");
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = "Bedrock";
        builder.Configuration["ImageModel:Bedrock:Family"] = "NovaCanvas";
        builder.Configuration["ImageModel:Bedrock:ModelId"] = "amazon.nova-canvas-v2:0";
        builder.Configuration["ImageModel:Bedrock:Region"] = "eu-west-1";
        builder.Configuration["ImageModel:Bedrock:ServiceUrl"] = bedrock.Url.ToString();
        builder.Configuration["Aws:AccessKeyId"] = "AKIDFROMCONFIG";
        builder.Configuration["Aws:SecretAccessKey"] = "config-secret";
        builder.AddImageModel();
        using var host = builder.Build();

        var model = host.Services.GetRequiredService<IImageModel>();
        Assert.IsType<NovaCanvasImageModel>(model);
        using var card = CardPng.Decode(await model.PaintCardAsync(new("c1", "A lighthouse in a storm at night")));
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (card.Width, card.Height));
        Assert.Empty(bedrock.ValidationFailures);
        Assert.Equal("amazon.nova-canvas-v2:0", bedrock.LastRequest!.ModelId);
        Assert.Contains("Credential=AKIDFROMCONFIG/", bedrock.LastRequest.Authorization);
        Assert.Equal(new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com/"), new BedrockOptions { Region = "eu-west-1" }.ResolveServiceUrl());
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
