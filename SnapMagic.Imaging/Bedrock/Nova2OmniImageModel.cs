using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// Amazon Nova 2 Omni on Bedrock through Converse: it edits images from a text instruction but takes no mask, so
/// it gets the template's art window alone and its answer, whatever its size, is scaled to cover the window and
/// pasted back onto our template. The frame never goes through the model.
/// </summary>
public sealed class Nova2OmniImageModel(BedrockRuntimeClient client, IOptions<BedrockOptions> options, ILogger<Nova2OmniImageModel> logger)
    : BedrockImageModel(logger)
{
    public const int MaxPromptLength = 1024;
    public const string SystemPrompt = "You are the illustrator of a trading card game. Answer every request with exactly one image and no text.";

    protected override string ModelName => "Nova 2 Omni";

    protected override Task<byte[]> SendAsync(CardImageRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(BuildRequest(request, settings), BedrockJsonContext.Default.ConverseRequest);
        return client.ConverseAsync(settings.ModelId, body, cancellationToken);
    }

    internal static ConverseRequest BuildRequest(CardImageRequest request, BedrockOptions settings) => new(
        [new ConverseText(SystemPrompt)],
        [new ConverseMessage("user",
        [
            new ConverseContentBlock(Image: new ConverseImageBlock("png", new ConverseImageSource(CardArt.WindowPng.ToArray()))),
            // Nova's guidance: the text comes after the image it talks about.
            new ConverseContentBlock(Text: Instruction(request.Prompt, settings.NegativeText)),
        ])]);

    internal static string Instruction(string prompt, string? negativeText)
    {
        var instruction = $"Repaint this picture as the art of a trading card: {Truncate(prompt, MaxPromptLength)}. "
            + "Fill the whole picture edge to edge and keep its aspect ratio.";
        return string.IsNullOrWhiteSpace(negativeText) ? instruction : $"{instruction} Avoid: {Truncate(negativeText, MaxPromptLength)}.";
    }

    protected override byte[] ReadCard(byte[] responseBody, string prompt)
    {
        var response = ReadJson(responseBody, BedrockJsonContext.Default.ConverseResponse);
        if (response.StopReason is "content_filtered" or "guardrail_intervened")
            throw new ImageModelException(ImageModelFailure.ContentBlocked, BedrockException.OutputBlockedMessage, $"Nova 2 Omni stopped with {response.StopReason}.");
        var content = response.Output?.Message?.Content ?? [];
        if (content.FirstOrDefault(block => block.Image is not null)?.Image is { } image)
            return CardArt.FromWindow(image.Source.Bytes, ModelName, prompt);
        // A text-only answer is the model declining to draw this prompt; retrying would ask again for the same refusal.
        if (content.FirstOrDefault(block => !string.IsNullOrWhiteSpace(block.Text))?.Text is { } text)
            throw new ImageModelException(ImageModelFailure.Rejected, BedrockException.RefusedMessage, $"Nova 2 Omni answered text instead of an image: {Truncate(text, 200)}");
        throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"Nova 2 Omni answered 200 without an image (stopReason {response.StopReason}).");
    }
}
