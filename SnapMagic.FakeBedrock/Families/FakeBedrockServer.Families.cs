using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SkiaSharp;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// How the fake tells the model families apart and answers each in its own shape: Converse requests are
/// Nova 2 Omni, InvokeModel requests for a <c>stability.</c> model are Stability Inpaint, the rest Nova Canvas. Converse
/// requests with an audio block, and Converse requests to Nova 2 Lite, are the feedback models' (<see cref="FakeModelTask"/>).
/// </summary>
public sealed partial class FakeBedrockServer
{
    private readonly ConcurrentDictionary<BedrockModelFamily, ConcurrentQueue<FakeBedrockReply>> _familyScripts = new();

    /// <summary>Queues replies for the next requests of one family only; they are used before the shared script.</summary>
    public void EnqueueFor(BedrockModelFamily family, params FakeBedrockReply[] replies)
    {
        var script = _familyScripts.GetOrAdd(family, _ => new ConcurrentQueue<FakeBedrockReply>());
        foreach (var reply in replies)
            script.Enqueue(reply);
    }

    public static BedrockModelFamily FamilyOf(string rawPath, string? modelId) =>
        rawPath.EndsWith("/converse", StringComparison.Ordinal) ? BedrockModelFamily.Nova2Omni
        : modelId?.Contains("stability.", StringComparison.Ordinal) == true ? BedrockModelFamily.StabilityInpaint
        : BedrockModelFamily.NovaCanvas;

    private FakeBedrockReply NextReply(FakeBedrockRequest recorded) =>
        recorded.ModelTask != FakeModelTask.Image ? NextTaskReply(recorded.ModelTask)
        : _familyScripts.TryGetValue(recorded.Family, out var script) && script.TryDequeue(out var reply) ? reply
        : _script.TryDequeue(out var next) ? next
        : DefaultReply;

    private static SKBitmap? CheckBodyOfFamily(byte[] body, string? contentType, List<string> failures, ref FakeBedrockRequest recorded)
    {
        recorded = recorded with { Family = FamilyOf(recorded.RawPath, recorded.ModelId), ModelTask = TaskOf(recorded.RawPath, recorded.ModelId, body) };
        if (recorded.ModelTask != FakeModelTask.Image)
        {
            CheckFeedbackTask(body, contentType, failures, ref recorded);
            return null;
        }
        return recorded.Family switch
        {
            BedrockModelFamily.Nova2Omni => CheckNova2Omni(body, contentType, failures, ref recorded),
            BedrockModelFamily.StabilityInpaint => CheckStabilityInpaint(body, contentType, failures, ref recorded),
            _ => CheckBody(body, contentType, failures, ref recorded),
        };
    }

    /// <summary>Writes the families' own 200 answers (a picture, a content-filter stop); false leaves the reply to the shared code.</summary>
    private static async Task<bool> TryWriteFamilyReplyAsync(HttpContext context, FakeBedrockRequest recorded, FakeBedrockReply reply, SKBitmap? painted)
    {
        var answer = recorded.ModelTask != FakeModelTask.Image ? FeedbackTaskAnswer(recorded, reply) : (recorded.Family, reply) switch
        {
            (BedrockModelFamily.StabilityInpaint, FakeBedrockReply.SuccessReply) => StabilityAnswer(recorded.Seed, null, painted),
            (BedrockModelFamily.StabilityInpaint, FakeBedrockReply.OutputBlockedReply) => StabilityAnswer(recorded.Seed, "Filter reason: output image", null),
            // Stability reports a refused prompt as a finish reason of a 200 answer, not as an error.
            (BedrockModelFamily.StabilityInpaint, FakeBedrockReply.ErrorReply error) when error == FakeBedrockReply.PromptBlocked =>
                StabilityAnswer(recorded.Seed, "Filter reason: prompt", null),
            (BedrockModelFamily.Nova2Omni, FakeBedrockReply.SuccessReply) => ConverseAnswer("end_turn", painted),
            (BedrockModelFamily.Nova2Omni, FakeBedrockReply.OutputBlockedReply) => ConverseAnswer("content_filtered", null),
            _ => null,
        };
        if (answer is null)
            return false;
        await WriteJsonAsync(context, 200, answer);
        return true;
    }

    private static JsonObject StabilityAnswer(long? seed, string? finishReason, SKBitmap? painted) => new()
    {
        ["seeds"] = new JsonArray(seed ?? 0),
        ["finish_reasons"] = new JsonArray(finishReason),
        ["images"] = painted is null ? new JsonArray() : new JsonArray(Convert.ToBase64String(CardPng.Encode(painted))),
    };

    private static JsonObject ConverseAnswer(string stopReason, SKBitmap? painted) => new()
    {
        ["output"] = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = painted is null ? new JsonArray() : new JsonArray(new JsonObject
                {
                    ["image"] = new JsonObject { ["format"] = "png", ["source"] = new JsonObject { ["bytes"] = Convert.ToBase64String(CardPng.Encode(painted)) } },
                }),
            },
        },
        ["stopReason"] = stopReason,
        ["usage"] = new JsonObject { ["inputTokens"] = 1, ["outputTokens"] = 1, ["totalTokens"] = 2 },
    };

    /// <summary>The body as a JSON object, after the Content-Type check every family shares.</summary>
    private static JsonObject? ReadJsonObject(byte[] body, string? contentType, List<string> failures)
    {
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            failures.Add($"Content-Type must be application/json, not '{contentType}'.");
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
                return json;
            failures.Add("The body is not a JSON object.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            failures.Add($"The body is not JSON: {ex.Message}");
        }
        return null;
    }

    private static void RefuseUnknownFields(JsonObject json, IReadOnlySet<string> known, string shape, List<string> failures)
    {
        foreach (var (name, _) in json)
            if (!known.Contains(name))
                failures.Add($"{shape} does not take '{name}' (it takes {string.Join(", ", known)}).");
    }

    /// <summary>
    /// A base64 picture of the given format (what our own requests send: PNG unless the request names another), as
    /// an RGBA bitmap; null and a failure when it is missing, not base64, of another format or unreadable.
    /// </summary>
    private static SKBitmap? DecodeBase64Image(JsonNode? node, string field, List<string> failures, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        var base64 = node?.GetValue<string>();
        if (string.IsNullOrEmpty(base64))
        {
            failures.Add($"{field} is missing.");
            return null;
        }
        try
        {
            var bytes = Convert.FromBase64String(base64);
            using (var data = SKData.CreateCopy(bytes))
            using (var codec = SKCodec.Create(data))
                if (codec is not null && codec.EncodedFormat != format)
                {
                    failures.Add($"{field} is {codec.EncodedFormat}, not {format}.");
                    return null;
                }
            return CardPng.Decode(bytes);
        }
        catch (FormatException ex)
        {
            failures.Add($"{field} is not a valid base64 {format}: {ex.Message}");
            return null;
        }
    }
}
