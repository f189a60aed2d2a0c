using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.FakeBedrock;
using SnapMagic.Aws.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.UnitTests.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

/// <summary>A fake Bedrock per test class, clients signed with the secret it checks, and the card assertions every family shares.</summary>
public abstract class FakeBedrockTests : IAsyncLifetime
{
    protected const string Prompt = "A dragon flying over a castle at sunset";
    protected const string TestSecret = "snapmagic-test-secret";
    protected static readonly AWSCredentials TestCredentials = new BasicAWSCredentials("AKIDSNAPMAGICTEST", TestSecret);

    protected FakeBedrockServer Bedrock { get; private set; } = null!;

    public async Task InitializeAsync() => Bedrock = await FakeBedrockServer.StartAsync(secretKey: TestSecret);

    public async Task DisposeAsync() => await Bedrock.DisposeAsync();

    protected BedrockRuntimeClient Client(Action<BedrockOptions>? configure = null) => new(Options(configure), TestCredentials);

    protected BedrockOptions Options(Action<BedrockOptions>? configure)
    {
        var options = new BedrockOptions { ServiceUrl = Bedrock.Url.ToString(), ControlPlaneUrl = Bedrock.Url.ToString() };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The adapter of <paramref name="family"/>, configured like <see cref="Options"/> with that family.</summary>
    protected IImageModel Model(BedrockModelFamily family, BedrockRuntimeClient client, Action<BedrockOptions>? configure = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options(o => { o.Family = family; configure?.Invoke(o); }));
        return family switch
        {
            BedrockModelFamily.Nova2Omni => new Nova2OmniImageModel(client, options, NullLogger<Nova2OmniImageModel>.Instance),
            BedrockModelFamily.StabilityInpaint => new StabilityInpaintImageModel(client, options, NullLogger<StabilityInpaintImageModel>.Instance),
            _ => new NovaCanvasImageModel(client, options, NullLogger<NovaCanvasImageModel>.Instance),
        };
    }

    /// <summary>Nearly every art-window pixel differs from the template, and the frame (including the row the fake scribbles on) is the template's.</summary>
    protected static void AssertArtPaintedAndFrameCrisp(byte[] png)
    {
        var card = CardPixels.Decode(png);
        var template = CardPixels.Template();
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (card.Width, card.Height));
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        var changed = 0;
        for (var y = top; y <= bottom; y++)
            for (var x = left; x <= right; x++)
                if (card[x, y] != template[x, y])
                    changed++;
        Assert.True(changed > CardTemplate.ArtWidth * CardTemplate.ArtHeight * 0.9, $"only {changed} art pixels changed");
        for (var y = 0; y < top; y++)
            for (var x = 0; x < card.Width; x++)
                Assert.Equal(template[x, y], card[x, y]);
        Assert.Equal(template[left - 1, (top + bottom) / 2], card[left - 1, (top + bottom) / 2]);
        Assert.Equal(template[right + 1, (top + bottom) / 2], card[right + 1, (top + bottom) / 2]);
    }
}
