using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.Aws.Bedrock;

/// <summary>
/// Amazon Nova Canvas on Bedrock: INPAINTING of the card template with a mask whose black area is the art
/// window. Only the returned art window is kept and composited onto our own template, so the frame stays
/// crisp whatever the model does at the edges. Nothing outside this folder knows the model is Nova Canvas.
/// </summary>
public sealed class NovaCanvasImageModel(BedrockRuntimeClient client, IOptions<BedrockOptions> options, ILogger<NovaCanvasImageModel> logger) : IImageModel
{
    public const int MaxSeed = 858993459;
    public const int MaxTextLength = 1024;
    public const string OutputBlockedMessage = "The picture was blocked by the content filter. Try different words.";

    public async Task<byte[]> PaintCardAsync(CardImageRequest request, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(BuildRequest(request, settings), BedrockJsonContext.Default.NovaCanvasRequest);

        byte[] responseBody;
        try
        {
            responseBody = await client.InvokeModelAsync(settings.ModelId, body, cancellationToken);
        }
        catch (BedrockException ex)
        {
            logger.LogWarning("Bedrock refused card {CorrelationId}: {ErrorType} {StatusCode} {Message}", request.CorrelationId, ex.ErrorType, (int)ex.StatusCode, ex.ServiceMessage);
            throw ex.ToImageModelException();
        }

        using var painted = ReadImage(responseBody);
        return Composite(painted, request.Prompt);
    }

    internal static NovaCanvasRequest BuildRequest(CardImageRequest request, BedrockOptions settings)
    {
        var text = request.Prompt.Length > MaxTextLength ? request.Prompt[..MaxTextLength] : request.Prompt;
        var negative = string.IsNullOrWhiteSpace(settings.NegativeText) ? null
            : settings.NegativeText.Length > MaxTextLength ? settings.NegativeText[..MaxTextLength] : settings.NegativeText;
        var seed = Math.Clamp(request.Seed ?? settings.Seed ?? PromptSeed.InRange(request.Prompt, MaxSeed), 0, MaxSeed);
        return new NovaCanvasRequest(
            "INPAINTING",
            new NovaInPaintingParams(
                Convert.ToBase64String(CardTemplate.LoadPng().Span),
                Convert.ToBase64String(CardTemplate.LoadMaskPng().Span),
                text,
                negative),
            new NovaImageGenerationConfig(1, settings.Quality, settings.CfgScale, seed));
    }

    private static SKBitmap ReadImage(byte[] responseBody)
    {
        NovaCanvasResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(responseBody, BedrockJsonContext.Default.NovaCanvasResponse);
        }
        catch (JsonException ex)
        {
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, "Bedrock answered 200 with a body that is not JSON.", ex);
        }

        if (!string.IsNullOrEmpty(response?.Error))
            throw new ImageModelException(
                BedrockException.MentionsContentFilter(response.Error) ? ImageModelFailure.ContentBlocked : ImageModelFailure.Rejected,
                BedrockException.MentionsContentFilter(response.Error) ? OutputBlockedMessage : BedrockException.RefusedMessage,
                $"Nova Canvas answered 200 with error: {response.Error}");

        if (response?.Images is not [var first, ..] || string.IsNullOrEmpty(first))
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, "Nova Canvas answered 200 without an image.");

        try
        {
            var image = CardPng.Decode(Convert.FromBase64String(first));
            if (image.Width != CardTemplate.Width || image.Height != CardTemplate.Height)
            {
                image.Dispose();
                throw new ImageModelException(ImageModelFailure.Rejected, BedrockException.RefusedMessage,
                    $"Nova Canvas returned a {image.Width}x{image.Height} image; the card is {CardTemplate.Width}x{CardTemplate.Height}.");
            }
            return image;
        }
        catch (FormatException ex)
        {
            // Covers bad base64 and bytes Skia cannot decode.
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"Nova Canvas returned an image we cannot read: {ex.Message}", ex);
        }
    }

    private static byte[] Composite(SKBitmap painted, string prompt)
    {
        using var card = CardTemplate.Load();
        using (var canvas = new SKCanvas(card))
        using (var art = SKImage.FromBitmap(painted))
        {
            // Src: the model's pixels as they are, window onto window.
            using var copy = new SKPaint { BlendMode = SKBlendMode.Src };
            canvas.DrawImage(art, CardTemplate.ArtRect, CardTemplate.ArtRect, SKSamplingOptions.Default, copy);
            CardCaption.Draw(canvas, prompt);
        }
        return CardPng.Encode(card);
    }
}
