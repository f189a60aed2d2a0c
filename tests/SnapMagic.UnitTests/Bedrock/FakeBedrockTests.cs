using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.UnitTests.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

/// <summary>A fake Bedrock per test, each family's adapter signed with the secret it checks, and the card assertions every family shares.</summary>
public abstract class FakeBedrockTests : IAsyncLifetime
{
    protected const string Prompt = "A dragon flying over a castle at sunset";
    protected const string TestSecret = "snapmagic-test-secret";
    protected static readonly AWSCredentials TestCredentials = new BasicAWSCredentials("AKIDSNAPMAGICTEST", TestSecret);

    protected FakeBedrockServer Bedrock { get; private set; } = null!;

    public async Task InitializeAsync() => Bedrock = await FakeBedrockServer.StartAsync(secretKey: TestSecret);

    public async Task DisposeAsync() => await Bedrock.DisposeAsync();

    /// <summary>Options of <paramref name="family"/> with both Bedrock endpoints at the fake, then <paramref name="configure"/>.</summary>
    protected BedrockOptions Options(BedrockModelFamily family, Action<BedrockOptions>? configure)
    {
        var options = new BedrockOptions { Family = family, ServiceUrl = Bedrock.Url.ToString(), ControlPlaneUrl = Bedrock.Url.ToString() };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>
    /// Paints <paramref name="request"/> (card c1 of <see cref="Prompt"/> unless given) with the adapter of
    /// <paramref name="family"/>, its client and the adapter configured alike, as the worker's registration does.
    /// </summary>
    protected async Task<byte[]> PaintAsync(
        BedrockModelFamily family,
        Action<BedrockOptions>? configure = null,
        CardImageRequest? request = null,
        AWSCredentials? credentials = null,
        CancellationToken cancellationToken = default)
    {
        var options = Options(family, configure);
        using var client = new BedrockRuntimeClient(options, credentials ?? TestCredentials);
        var model = Model(family, client, Microsoft.Extensions.Options.Options.Create(options));
        return await model.PaintCardAsync(request ?? new("c1", Prompt), cancellationToken);
    }

    /// <summary>Paints as <see cref="PaintAsync"/> does and returns the failure the adapter reports.</summary>
    protected Task<ImageModelException> PaintFailsAsync(BedrockModelFamily family, Action<BedrockOptions>? configure = null, AWSCredentials? credentials = null) =>
        Assert.ThrowsAsync<ImageModelException>(() => PaintAsync(family, configure, credentials: credentials));

    private static IImageModel Model(BedrockModelFamily family, BedrockRuntimeClient client, Microsoft.Extensions.Options.IOptions<BedrockOptions> options) => family switch
    {
        BedrockModelFamily.Nova2Omni => new Nova2OmniImageModel(client, options, NullLogger<Nova2OmniImageModel>.Instance),
        BedrockModelFamily.StabilityInpaint => new StabilityInpaintImageModel(client, options, NullLogger<StabilityInpaintImageModel>.Instance),
        _ => new NovaCanvasImageModel(client, options, NullLogger<NovaCanvasImageModel>.Instance),
    };

    /// <summary>Nearly every art-window pixel differs from the template, and the frame (including the row the fake scribbles on) is the template's.</summary>
    protected static void AssertArtPaintedAndFrameCrisp(byte[] png)
    {
        var card = CardPixels.Decode(png);
        var template = CardPixels.Template();
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (card.Width, card.Height));
        var changed = card.ArtPixelsDifferentFrom(template);
        Assert.True(changed > CardTemplate.ArtWidth * CardTemplate.ArtHeight * 0.9, $"only {changed} art pixels changed");
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        for (var y = 0; y < top; y++)
            for (var x = 0; x < card.Width; x++)
                Assert.Equal(template[x, y], card[x, y]);
        Assert.Equal(template[left - 1, (top + bottom) / 2], card[left - 1, (top + bottom) / 2]);
        Assert.Equal(template[right + 1, (top + bottom) / 2], card[right + 1, (top + bottom) / 2]);
    }
}
