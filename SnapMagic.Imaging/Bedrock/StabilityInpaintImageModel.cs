using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// Stability AI Image Services Inpaint on Bedrock: the card template with a mask whose WHITE area is the art
/// window (Stability repaints white, the reverse of Nova Canvas). The output has the input's size; only its art
/// window is kept.
/// </summary>
public sealed class StabilityInpaintImageModel(BedrockRuntimeClient client, IOptions<BedrockOptions> options, ILogger<StabilityInpaintImageModel> logger)
    : BedrockImageModel(logger)
{
    public const long MaxSeed = 4294967294;
    public const int MaxPromptLength = 10000;

    protected override string ModelName => "Stability Inpaint";

    protected override Task<byte[]> SendAsync(CardImageRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(BuildRequest(request, settings), BedrockJsonContext.Default.StabilityInpaintRequest);
        return client.InvokeModelAsync(settings.ModelId, body, cancellationToken);
    }

    internal static StabilityInpaintRequest BuildRequest(CardImageRequest request, BedrockOptions settings) => new(
        Convert.ToBase64String(CardArt.TemplatePng.Span),
        Convert.ToBase64String(CardArt.MaskPng(windowIsWhite: true).Span),
        Truncate(request.Prompt, MaxPromptLength),
        string.IsNullOrWhiteSpace(settings.NegativeText) ? null : Truncate(settings.NegativeText, MaxPromptLength),
        Math.Clamp(request.Seed ?? settings.Seed ?? (long)(PromptSeed.Of(request.Prompt) % (MaxSeed + 1)), 0, MaxSeed),
        "png");

    protected override byte[] ReadCard(byte[] responseBody, string prompt)
    {
        var response = ReadJson(responseBody, BedrockJsonContext.Default.StabilityResponse);
        if (response.FinishReasons is [{ } reason, ..])
            throw reason switch
            {
                _ when reason.Contains("prompt", StringComparison.OrdinalIgnoreCase) =>
                    new ImageModelException(ImageModelFailure.ContentBlocked, BedrockException.PromptBlockedMessage, $"Stability Inpaint finished with '{reason}'."),
                _ when reason.Contains("output", StringComparison.OrdinalIgnoreCase) =>
                    new ImageModelException(ImageModelFailure.ContentBlocked, BedrockException.OutputBlockedMessage, $"Stability Inpaint finished with '{reason}'."),
                _ when reason.Contains("inference error", StringComparison.OrdinalIgnoreCase) =>
                    new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"Stability Inpaint finished with '{reason}'."),
                // "Filter reason: input image" is our own template: nothing the attendee can change.
                _ => new ImageModelException(ImageModelFailure.Rejected, BedrockException.RefusedMessage, $"Stability Inpaint finished with '{reason}'."),
            };
        if (response.Images is not [var first, ..] || string.IsNullOrEmpty(first))
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, "Stability Inpaint answered 200 without an image.");
        return CardArt.FromWholeCard(CardArt.FromBase64(first, ModelName), ModelName, prompt);
    }
}
