using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SnapMagic.Imaging.Feedback.Vader;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// The feedback models through Converse (<c>POST /model/{id}/converse</c>), checked as strictly as the image families:
/// <list type="bullet">
/// <item><b>Transcription</b> (a Nova 2 Omni model, a user message with an audio block): exactly one audio block whose
/// <c>format</c> is one of Converse's AudioBlock values and whose <c>source</c> is exactly one of <c>bytes</c> (base64, at
/// most 25 MB inline) or <c>s3Location</c>; the bytes must be what the format says (a RIFF/WAVE header for <c>wav</c>, an
/// EBML header for <c>webm</c>/<c>mkv</c>/<c>mka</c>, <c>OggS</c> for <c>ogg</c>/<c>opus</c>); a text instruction after it.
/// The fake cannot recognise speech: it answers what a test scripted (<see cref="FakeBedrockReply.Answer"/> through
/// <see cref="EnqueueFor(FakeModelTask, FakeBedrockReply[])"/>), else <see cref="UnscriptedTranscript"/>.</item>
/// <item><b>Sentiment</b> (a Nova 2 Lite model): text blocks only, one user message. Unscripted it answers VADER's label
/// (the worker's local scorer) of the text between <c>&lt;feedback&gt;</c> tags, or of the whole text without them.</item>
/// </list>
/// </summary>
public sealed partial class FakeBedrockServer
{
    /// <summary>What an unscripted transcription request gets: plainly the fake's, never passed off as what was said.</summary>
    public const string UnscriptedTranscript = "This transcript is made up by the fake Bedrock, which cannot recognise speech.";
    public const int ConverseMaxInlineAudioBytes = 25 * 1024 * 1024;

    private static readonly HashSet<string> AudioFormats =
        ["mp3", "opus", "wav", "aac", "flac", "mp4", "ogg", "mkv", "mka", "x-aac", "m4a", "mpeg", "mpga", "pcm", "webm"];

    private readonly ConcurrentDictionary<FakeModelTask, ConcurrentQueue<FakeBedrockReply>> _taskScripts = new();

    /// <summary>Queues replies for the next requests of one feedback task only; unscripted ones get the task's own default answer.</summary>
    public void EnqueueFor(FakeModelTask task, params FakeBedrockReply[] replies)
    {
        var script = _taskScripts.GetOrAdd(task, _ => new ConcurrentQueue<FakeBedrockReply>());
        foreach (var reply in replies)
            script.Enqueue(reply);
    }

    /// <summary>Converse to Nova 2 Lite is sentiment; Converse with an audio block is transcription; the rest paints.</summary>
    public static FakeModelTask TaskOf(string rawPath, string? modelId, byte[] body)
    {
        if (!rawPath.EndsWith("/converse", StringComparison.Ordinal))
            return FakeModelTask.Image;
        if (modelId?.Contains("amazon.nova-2-lite", StringComparison.Ordinal) == true)
            return FakeModelTask.Sentiment;
        try
        {
            return JsonNode.Parse(body)?["messages"] is JsonArray messages
                && messages.Any(m => m?["content"] is JsonArray content && content.Any(b => b is JsonObject block && block.ContainsKey("audio")))
                ? FakeModelTask.Transcription : FakeModelTask.Image;
        }
        catch (System.Text.Json.JsonException)
        {
            return FakeModelTask.Image;
        }
    }

    /// <summary>The label the fake's sentiment model gives when unscripted: VADER's, of the text between the feedback tags.</summary>
    public static string SentimentRule(string? prompt)
    {
        var text = prompt ?? "";
        var start = text.IndexOf("<feedback>", StringComparison.Ordinal);
        var end = text.IndexOf("</feedback>", StringComparison.Ordinal);
        if (start >= 0 && end > start)
            text = text[(start + "<feedback>".Length)..end];
        return VaderScorer.Default.Classify(text) switch
        {
            SnapMagic.Feedback.Sentiment.Positive => "positive",
            SnapMagic.Feedback.Sentiment.Negative => "negative",
            _ => "neutral",
        };
    }

    private FakeBedrockReply NextTaskReply(FakeModelTask task) =>
        _taskScripts.TryGetValue(task, out var script) && script.TryDequeue(out var reply) ? reply
        : _script.TryDequeue(out var next) ? next
        : DefaultReply;

    private static void CheckFeedbackTask(byte[] body, string? contentType, List<string> failures, ref FakeBedrockRequest recorded)
    {
        if (ReadJsonObject(body, contentType, failures) is not { } json)
            return;
        RefuseUnknownFields(json, ConverseFields, "Converse", failures);
        CheckSystem(json["system"], failures);
        CheckInferenceConfig(json["inferenceConfig"], failures);
        if (json["messages"] is not JsonArray { Count: > 0 } messages)
        {
            failures.Add("messages must be a non-empty array.");
            return;
        }
        foreach (var message in messages)
            if (message?["role"]?.GetValue<string>() is not ("user" or "assistant") || message["content"] is not JsonArray { Count: > 0 })
                failures.Add("Every message needs role user or assistant and a non-empty content array.");
        if (messages[0]?["role"]?.GetValue<string>() != "user")
            failures.Add("The first message must be the user's.");
        if (messages[^1]?["role"]?.GetValue<string>() != "user" || messages[^1]?["content"] is not JsonArray content)
        {
            failures.Add("The last message must be the user's.");
            return;
        }

        var audioBlocks = 0;
        var texts = new List<string>();
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
                    texts.Add(value?.GetValue<string>() ?? "");
                    break;
                case "audio" when recorded.ModelTask == FakeModelTask.Transcription:
                    audioBlocks++;
                    CheckAudio(value, failures, ref recorded);
                    break;
                default:
                    failures.Add($"Content block '{kind}' is not what the fake's {recorded.ModelTask} task takes "
                        + (recorded.ModelTask == FakeModelTask.Sentiment ? "(text only)." : "(one audio block and a text instruction)."));
                    break;
            }
        }
        recorded = recorded with { Text = texts.Count == 0 ? null : string.Join("\n", texts) };
        if (texts.Count == 0 || texts.All(string.IsNullOrWhiteSpace))
            failures.Add("The user message has no text.");
        else if (recorded.Text!.Length > Nova2OmniMaxTextLength)
            failures.Add($"The user text has {recorded.Text.Length} characters; the fake allows {Nova2OmniMaxTextLength}.");
        if (recorded.ModelTask != FakeModelTask.Transcription)
            return;
        if (audioBlocks != 1)
            failures.Add($"The user message has {audioBlocks} audio blocks; transcription takes exactly one.");
        if (content[^1] is not JsonObject lastBlock || !lastBlock.ContainsKey("text"))
            failures.Add("The instruction (a text block) must come after the audio.");
    }

    private static void CheckAudio(JsonNode? audio, List<string> failures, ref FakeBedrockRequest recorded)
    {
        var format = audio?["format"]?.GetValue<string>();
        recorded = recorded with { AudioFormat = format };
        if (format is null || !AudioFormats.Contains(format))
            failures.Add($"audio.format '{format}' is not one of {string.Join(" | ", AudioFormats)}.");
        if (audio is JsonObject fields)
            RefuseUnknownFields(fields, new HashSet<string> { "format", "source" }, "audio", failures);
        if (audio?["source"] is not JsonObject { Count: 1 } source)
        {
            failures.Add("audio.source must have exactly one of bytes or s3Location.");
            return;
        }
        if (source.ContainsKey("s3Location"))
            return;
        if (source["bytes"]?.GetValue<string>() is not { Length: > 0 } base64)
        {
            failures.Add("audio.source must have exactly one of bytes or s3Location.");
            return;
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            failures.Add($"audio.source.bytes is not valid base64: {ex.Message}");
            return;
        }
        recorded = recorded with { AudioBytes = bytes.Length };
        if (bytes.Length > ConverseMaxInlineAudioBytes)
            failures.Add($"audio.source.bytes has {bytes.Length} bytes; at most {ConverseMaxInlineAudioBytes} go inline.");
        if (ContainerMismatch(format, bytes) is { } mismatch)
            failures.Add(mismatch);
    }

    /// <summary>Why the bytes are not what <paramref name="format"/> says; null when they are (or the fake does not check that format).</summary>
    private static string? ContainerMismatch(string? format, byte[] bytes)
    {
        static bool StartsWith(byte[] data, ReadOnlySpan<byte> prefix, int offset = 0) =>
            data.Length >= offset + prefix.Length && data.AsSpan(offset, prefix.Length).SequenceEqual(prefix);
        return format switch
        {
            "wav" when !(StartsWith(bytes, "RIFF"u8) && StartsWith(bytes, "WAVE"u8, 8)) => "audio format wav, but the bytes have no RIFF/WAVE header.",
            "webm" or "mkv" or "mka" when !StartsWith(bytes, [0x1A, 0x45, 0xDF, 0xA3]) => $"audio format {format}, but the bytes have no EBML (Matroska) header.",
            "ogg" or "opus" when !StartsWith(bytes, "OggS"u8) => $"audio format {format}, but the bytes have no OggS header.",
            _ => null,
        };
    }

    private static JsonObject? FeedbackTaskAnswer(FakeBedrockRequest recorded, FakeBedrockReply reply) => reply switch
    {
        FakeBedrockReply.TextReply text => ConverseTextAnswer("end_turn", text.Text),
        FakeBedrockReply.SuccessReply => ConverseTextAnswer("end_turn",
            recorded.ModelTask == FakeModelTask.Transcription ? UnscriptedTranscript : SentimentRule(recorded.Text)),
        FakeBedrockReply.OutputBlockedReply => ConverseTextAnswer("content_filtered", null),
        _ => null,
    };

    private static JsonObject ConverseTextAnswer(string stopReason, string? text) => new()
    {
        ["output"] = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = text is null ? new JsonArray() : new JsonArray(new JsonObject { ["text"] = text }),
            },
        },
        ["stopReason"] = stopReason,
        ["usage"] = new JsonObject { ["inputTokens"] = 1, ["outputTokens"] = 1, ["totalTokens"] = 2 },
    };
}
