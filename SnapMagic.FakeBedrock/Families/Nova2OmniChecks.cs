using System.Text.Json.Nodes;
using SkiaSharp;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// Nova 2 Omni image editing through Converse (<c>POST /model/{id}/converse</c>): messages whose last (user)
/// message holds exactly one image block (png/jpeg/gif/webp, base64 bytes, at most 8000 px a side and 3.75 MB)
/// followed by the text instruction; optional system texts and inferenceConfig. It answers a 1024x1024 picture
/// whatever the input's size, as the real model's output size is not ours to choose.
/// </summary>
public sealed partial class FakeBedrockServer
{
    public const int ConverseMaxImageSide = 8000;
    public const int ConverseMaxImageBytes = 3_932_160; // 3.75 MB
    /// <summary>Not a documented limit: the fake's bound on the instruction, to catch a prompt sent unbounded.</summary>
    public const int Nova2OmniMaxTextLength = 10000;
    public const int Nova2OmniAnswerSide = 1024;

    private static readonly HashSet<string> ConverseFields = ["messages", "system", "inferenceConfig", "additionalModelRequestFields"];

    private static SKBitmap? CheckNova2Omni(byte[] body, string? contentType, List<string> failures, ref FakeBedrockRequest recorded)
    {
        if (ReadJsonObject(body, contentType, failures) is not { } json)
            return null;
        RefuseUnknownFields(json, ConverseFields, "Converse", failures);
        CheckSystem(json["system"], failures);
        CheckInferenceConfig(json["inferenceConfig"], failures);
        if (json["messages"] is not JsonArray { Count: > 0 } messages)
        {
            failures.Add("messages must be a non-empty array.");
            return null;
        }
        foreach (var message in messages)
            if (message?["role"]?.GetValue<string>() is not ("user" or "assistant") || message["content"] is not JsonArray { Count: > 0 })
                failures.Add("Every message needs role user or assistant and a non-empty content array.");
        var last = messages[^1];
        if (last?["role"]?.GetValue<string>() != "user" || last["content"] is not JsonArray content)
        {
            failures.Add("The last message must be the user's.");
            return null;
        }

        SKBitmap? input = null;
        var images = 0;
        foreach (var block in content)
        {
            if (block is not JsonObject { Count: 1 } one)
            {
                failures.Add("Every content block must be an object with exactly one member.");
                continue;
            }
            var (kind, value) = one.First();
            switch (kind)
            {
                case "text":
                    recorded = recorded with { Text = value?.GetValue<string>() };
                    break;
                case "image":
                    images++;
                    input?.Dispose();
                    input = ReadConverseImage(value, failures, ref recorded);
                    break;
                default:
                    failures.Add($"Content block '{kind}' is not text or image: image editing takes one picture and an instruction.");
                    break;
            }
        }
        if (images != 1)
            failures.Add($"The user message has {images} image blocks; image editing takes exactly one.");
        if (content[^1] is not JsonObject lastBlock || !lastBlock.ContainsKey("text"))
            failures.Add("The instruction (a text block) must come after the image.");
        if (string.IsNullOrWhiteSpace(recorded.Text))
            failures.Add("The user message has no text instruction.");
        else if (recorded.Text.Length > Nova2OmniMaxTextLength)
            failures.Add($"The instruction has {recorded.Text.Length} characters; the fake allows {Nova2OmniMaxTextLength}.");
        if (input is null)
            return null;
        input.Dispose();

        // An all-black picture under an all-black mask: the answer is painted edge to edge.
        using var black = new SKBitmap(Nova2OmniAnswerSide, Nova2OmniAnswerSide);
        black.Erase(SKColors.Black);
        return Paint(black, black, Black, recorded.Text ?? "");
    }

    private static SKBitmap? ReadConverseImage(JsonNode? image, List<string> failures, ref FakeBedrockRequest recorded)
    {
        var format = image?["format"]?.GetValue<string>();
        recorded = recorded with { ImageFormat = format };
        if (format is not ("png" or "jpeg" or "gif" or "webp"))
        {
            failures.Add($"image.format '{format}' is not png, jpeg, gif or webp.");
            return null;
        }
        var base64 = image?["source"]?["bytes"]?.GetValue<string>();
        if (base64 is not null && base64.Length / 4 * 3 > ConverseMaxImageBytes)
            failures.Add($"image.source.bytes is larger than {ConverseMaxImageBytes} bytes.");
        var picture = DecodeBase64Image(image?["source"]?["bytes"], "image.source.bytes", failures, format switch
        {
            "jpeg" => SKEncodedImageFormat.Jpeg,
            "gif" => SKEncodedImageFormat.Gif,
            "webp" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Png,
        });
        if (picture is null)
            return null;
        recorded = recorded with { ImageWidth = picture.Width, ImageHeight = picture.Height };
        if (picture.Width > ConverseMaxImageSide || picture.Height > ConverseMaxImageSide)
            failures.Add($"The image is {picture.Width}x{picture.Height}; each side must be at most {ConverseMaxImageSide} px.");
        return picture;
    }

    private static void CheckSystem(JsonNode? system, List<string> failures)
    {
        if (system is null)
            return;
        if (system is not JsonArray blocks || blocks.Any(block => string.IsNullOrWhiteSpace(block?["text"]?.GetValue<string>())))
            failures.Add("system must be an array of non-empty text blocks.");
    }

    private static void CheckInferenceConfig(JsonNode? config, List<string> failures)
    {
        if (config is null)
            return;
        if (config["maxTokens"]?.GetValue<int>() is < 1)
            failures.Add("inferenceConfig.maxTokens must be at least 1.");
        if (config["temperature"]?.GetValue<double>() is < 0 or > 1)
            failures.Add("inferenceConfig.temperature is outside 0-1.");
        if (config["topP"]?.GetValue<double>() is < 0 or > 1)
            failures.Add("inferenceConfig.topP is outside 0-1.");
    }
}
