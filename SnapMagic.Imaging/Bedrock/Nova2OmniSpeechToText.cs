using Microsoft.Extensions.Logging;
using SnapMagic.Imaging.Feedback;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// <c>Speech:Provider=Bedrock</c>: Amazon Nova 2 Omni through Converse, the same signed client and API as the card art.
/// The recording goes inline as an audio block in the format the browser made it (<c>webm</c> for <c>audio/webm</c> with
/// Opus, <c>wav</c>: both are values of Converse's AudioBlock format), followed by the instruction to write down what is
/// said. Our recordings are at most 2 MB, far under the 25 MB Nova takes inline. Why this model and not Nova 2 Sonic or
/// Amazon Transcribe: README, "Feedback".
/// </summary>
public sealed partial class Nova2OmniSpeechToText(BedrockRuntimeClient client, string modelId, ILogger<Nova2OmniSpeechToText> logger)
    : ISpeechToText, IDisposable
{
    public const string SystemPrompt = "You are a careful transcriber. You write down what people say, word for word, and nothing else.";
    public const string Instruction = "Transcribe the speech in this recording word for word, with punctuation. "
        + "Answer with the transcript only: no quotes, no labels, no comments. If you hear no speech, answer exactly: " + NoSpeech;
    /// <summary>What the model is told to answer when it hears no speech; read as an empty transcript.</summary>
    public const string NoSpeech = "(no speech)";
    /// <summary>20 s of speech is some 60 words; this leaves room without letting a runaway answer cost much.</summary>
    public const int MaxTokens = 400;

    private const string ModelName = "Nova 2 Omni";

    public bool CanTranscribe => true;

    public async Task<string> TranscribeAsync(SpeechRecording recording, CancellationToken cancellationToken)
    {
        var text = await ConverseTextCall.AskAsync(client, modelId, BuildRequest(recording), ModelName,
            FeedbackModelException.SpeechBusyMessage, FeedbackModelException.SpeechRefusedMessage, cancellationToken);
        var transcript = text.Equals(NoSpeech, StringComparison.OrdinalIgnoreCase) ? "" : text;
        LogTranscribed(recording.FeedbackId, transcript.Length);
        return transcript;
    }

    /// <summary>The Converse audio format of a recording's media type.</summary>
    public static string AudioFormat(string mediaType) => mediaType switch
    {
        "audio/webm" => "webm",
        "audio/wav" or "audio/wave" or "audio/x-wav" => "wav",
        _ => throw new FeedbackModelException(false, FeedbackModelException.SpeechRefusedMessage, $"No Converse audio format for a recording of type '{mediaType}'."),
    };

    internal static ConverseRequest BuildRequest(SpeechRecording recording) => new(
        [new ConverseText(SystemPrompt)],
        [new ConverseMessage("user",
        [
            new ConverseContentBlock(Audio: new ConverseAudioBlock(AudioFormat(recording.MediaType), new ConverseAudioSource(recording.Audio.ToArray()))),
            // Nova's guidance for media: the instruction comes after the file it talks about.
            new ConverseContentBlock(Text: Instruction),
        ])],
        new ConverseInferenceConfig(MaxTokens, Temperature: 0));

    public void Dispose() => client.Dispose();

    [LoggerMessage(LogLevel.Information, "Feedback {FeedbackId}: Nova 2 Omni heard {Characters} characters")]
    private partial void LogTranscribed(string feedbackId, int characters);
}
