using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// Amazon Nova Canvas on Bedrock: INPAINTING of the card template with a mask whose black area is the art
/// window. Only the returned art window is kept and composited onto our own template.
/// </summary>
public sealed class NovaCanvasImageModel(BedrockRuntimeClient client, IOptions<BedrockOptions> options, ILogger<NovaCanvasImageModel> logger)
    : BedrockImageModel(logger)
{
    public const int MaxSeed = 858993459;
    public const int MaxTextLength = 1024;

    protected override string ModelName => "Nova Canvas";

    protected override Task<byte[]> SendAsync(CardImageRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(BuildRequest(request, settings), BedrockJsonContext.Default.NovaCanvasRequest);
        return client.InvokeModelAsync(settings.ModelId, body, cancellationToken);
    }

    internal static NovaCanvasRequest BuildRequest(CardImageRequest request, BedrockOptions settings)
    {
        var negative = string.IsNullOrWhiteSpace(settings.NegativeText) ? null : Truncate(settings.NegativeText, MaxTextLength);
        var seed = Math.Clamp(request.Seed ?? settings.Seed ?? PromptSeed.InRange(request.Prompt, MaxSeed), 0, MaxSeed);
        return new NovaCanvasRequest(
            "INPAINTING",
            new NovaInPaintingParams(
                Convert.ToBase64String(CardArt.TemplatePng.Span),
                Convert.ToBase64String(CardArt.MaskPng(windowIsWhite: false).Span),
                Truncate(request.Prompt, MaxTextLength),
                negative),
            new NovaImageGenerationConfig(1, settings.Quality, settings.CfgScale, seed));
    }

    protected override byte[] ReadCard(byte[] responseBody, string prompt)
    {
        var response = ReadJson(responseBody, BedrockJsonContext.Default.NovaCanvasResponse);
        if (!string.IsNullOrEmpty(response.Error))
        {
            var filtered = BedrockException.MentionsContentFilter(response.Error);
            throw new ImageModelException(
                filtered ? ImageModelFailure.ContentBlocked : ImageModelFailure.Rejected,
                filtered ? BedrockException.OutputBlockedMessage : BedrockException.RefusedMessage,
                $"Nova Canvas answered 200 with error: {response.Error}");
        }
        if (response.Images is not [var first, ..] || string.IsNullOrEmpty(first))
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, "Nova Canvas answered 200 without an image.");
        return CardArt.FromWholeCard(CardArt.FromBase64(first, ModelName), ModelName, prompt);
    }
}
