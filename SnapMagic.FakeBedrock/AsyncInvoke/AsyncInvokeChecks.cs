using System.Text.Json.Nodes;
using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// StartAsyncInvoke's body checked as strictly as the pages describe it; each failure is a sentence of the
/// ValidationException. Sources: the API reference
/// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_StartAsyncInvoke.html: modelId, modelInput,
/// outputDataConfig required; clientRequestToken 1-256 of [!-~]), Luma
/// (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-luma.html) and Nova Reel
/// (https://docs.aws.amazon.com/nova/latest/userguide/video-gen-access.html, single-shot TEXT_VIDEO only here).
/// Unknown fields are refused: the fake would rather fail a request the service might accept than the reverse.
/// </summary>
internal static class AsyncInvokeChecks
{
    public const string LumaRay2 = "luma.ray-v2:0";
    public static readonly string[] NovaReel = ["amazon.nova-reel-v1:0", "amazon.nova-reel-v1:1"];

    private static readonly string[] LumaAspectRatios = ["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"];

    /// <summary>The checked request's parts, or null fields where a check failed.</summary>
    public sealed record Checked(string? Token, string? ModelId, string? S3Uri, JsonObject? ModelInput, SKBitmap? FirstFrame);

    public static Checked Check(JsonNode? body, List<string> failures)
    {
        if (body is not JsonObject request)
        {
            failures.Add("The body is not a JSON object.");
            return new(null, null, null, null, null);
        }
        OnlyKeys(request, "", failures, "clientRequestToken", "modelId", "modelInput", "outputDataConfig", "tags");
        var token = String(request, "clientRequestToken", "", failures, required: false);
        if (token is not null && (token.Length is < 1 or > 256 || token.Any(c => c is < '!' or > '~')))
            failures.Add($"clientRequestToken must be 1-256 printable ASCII characters without spaces: got {token.Length} characters.");
        var modelId = String(request, "modelId", "", failures, required: true);
        if (modelId is not null && modelId != LumaRay2 && !NovaReel.Contains(modelId))
            failures.Add($"modelId '{modelId}' is not a video model the fake knows ({LumaRay2}, {string.Join(", ", NovaReel)}).");
        var s3Uri = CheckOutput(request["outputDataConfig"], failures);
        var input = request["modelInput"] as JsonObject;
        if (input is null)
            failures.Add("modelInput is missing or not a JSON object.");
        SKBitmap? firstFrame = null;
        if (input is not null && modelId == LumaRay2)
            CheckLuma(input, failures);
        else if (input is not null && NovaReel.Contains(modelId))
            firstFrame = CheckNovaReel(input, failures);
        return new(token, modelId, s3Uri, input, firstFrame);
    }

    private static string? CheckOutput(JsonNode? output, List<string> failures)
    {
        if (output is not JsonObject config || config["s3OutputDataConfig"] is not JsonObject s3)
        {
            failures.Add("outputDataConfig.s3OutputDataConfig is missing.");
            return null;
        }
        OnlyKeys(config, "outputDataConfig.", failures, "s3OutputDataConfig");
        OnlyKeys(s3, "outputDataConfig.s3OutputDataConfig.", failures, "s3Uri", "kmsKeyId", "bucketOwner");
        var uri = String(s3, "s3Uri", "outputDataConfig.s3OutputDataConfig.", failures, required: true);
        if (uri is not null && (!uri.StartsWith("s3://", StringComparison.Ordinal) || uri.Length <= 5 || uri[5] == '/'))
            failures.Add($"outputDataConfig.s3OutputDataConfig.s3Uri '{uri}' is not an s3://bucket[/prefix] URI.");
        return uri;
    }

    private static void CheckLuma(JsonObject input, List<string> failures)
    {
        OnlyKeys(input, "modelInput.", failures, "prompt", "aspect_ratio", "loop", "duration", "resolution");
        var prompt = String(input, "prompt", "modelInput.", failures, required: true);
        if (prompt is not null && prompt.Length is < 1 or > 5000)
            failures.Add($"modelInput.prompt has {prompt.Length} characters; 1-5000 allowed.");
        OneOf(input, "aspect_ratio", LumaAspectRatios, failures);
        OneOf(input, "duration", ["5s", "9s"], failures);
        OneOf(input, "resolution", ["540p", "720p"], failures);
        if (input["loop"] is { } loop && loop.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            failures.Add("modelInput.loop must be a boolean.");
    }

    private static SKBitmap? CheckNovaReel(JsonObject input, List<string> failures)
    {
        OnlyKeys(input, "modelInput.", failures, "taskType", "textToVideoParams", "videoGenerationConfig");
        if (String(input, "taskType", "modelInput.", failures, required: true) is { } taskType && taskType != "TEXT_VIDEO")
            failures.Add($"modelInput.taskType '{taskType}' is not TEXT_VIDEO (the fake knows no multi-shot task).");
        if (input["videoGenerationConfig"] is not JsonObject config)
            failures.Add("modelInput.videoGenerationConfig is missing.");
        else
        {
            OnlyKeys(config, "modelInput.videoGenerationConfig.", failures, "durationSeconds", "fps", "dimension", "seed");
            if (Int(config, "durationSeconds") != 6)
                failures.Add("modelInput.videoGenerationConfig.durationSeconds must be 6 for TEXT_VIDEO.");
            if (Int(config, "fps") != 24)
                failures.Add("modelInput.videoGenerationConfig.fps must be 24.");
            if ((string?)config["dimension"] != "1280x720")
                failures.Add("modelInput.videoGenerationConfig.dimension must be \"1280x720\".");
            if (config["seed"] is not null && Int(config, "seed") is not >= 0)
                failures.Add("modelInput.videoGenerationConfig.seed must be a non-negative integer.");
        }
        if (input["textToVideoParams"] is not JsonObject parameters)
        {
            failures.Add("modelInput.textToVideoParams is missing.");
            return null;
        }
        OnlyKeys(parameters, "modelInput.textToVideoParams.", failures, "text", "images");
        var text = String(parameters, "text", "modelInput.textToVideoParams.", failures, required: true);
        if (text is not null && text.Length is < 1 or > 512)
            failures.Add($"modelInput.textToVideoParams.text has {text.Length} characters; 1-512 allowed.");
        if (parameters["images"] is null)
            return null;
        if (parameters["images"] is not JsonArray { Count: 1 } images || images[0] is not JsonObject image)
        {
            failures.Add("modelInput.textToVideoParams.images must be a list of exactly one ImageSource.");
            return null;
        }
        OnlyKeys(image, "modelInput.textToVideoParams.images[0].", failures, "format", "source");
        OneOf(image, "format", ["png", "jpeg"], failures, "modelInput.textToVideoParams.images[0].");
        if ((string?)image["source"]?["bytes"] is not { } base64)
        {
            failures.Add("modelInput.textToVideoParams.images[0].source.bytes is missing.");
            return null;
        }
        SKBitmap frame;
        try
        {
            frame = CardPng.Decode(Convert.FromBase64String(base64));
        }
        catch (FormatException ex)
        {
            failures.Add($"modelInput.textToVideoParams.images[0].source.bytes is not a base64 image: {ex.Message}");
            return null;
        }
        if (frame.Width == 1280 && frame.Height == 720)
            return frame;
        failures.Add($"The input image is {frame.Width}x{frame.Height}; Nova Reel takes 1280x720.");
        frame.Dispose();
        return null;
    }

    private static void OnlyKeys(JsonObject node, string path, List<string> failures, params string[] allowed)
    {
        foreach (var (key, _) in node)
            if (!allowed.Contains(key))
                failures.Add($"{path}{key} is not a field of this request.");
    }

    private static string? String(JsonObject node, string key, string path, List<string> failures, bool required)
    {
        var value = node[key];
        if (value is null)
        {
            if (required)
                failures.Add($"{path}{key} is missing.");
            return null;
        }
        if (value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            return value.GetValue<string>();
        failures.Add($"{path}{key} must be a string.");
        return null;
    }

    private static void OneOf(JsonObject node, string key, string[] allowed, List<string> failures, string path = "modelInput.")
    {
        if (node[key] is { } value && (value.GetValueKind() != System.Text.Json.JsonValueKind.String || !allowed.Contains(value.GetValue<string>())))
            failures.Add($"{path}{key} must be one of {string.Join(", ", allowed)}: got {value.ToJsonString()}.");
    }

    private static long? Int(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
