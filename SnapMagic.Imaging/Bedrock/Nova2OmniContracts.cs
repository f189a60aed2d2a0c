namespace SnapMagic.Imaging.Bedrock;

/// <summary>A Converse request body (the model id travels in the path).</summary>
internal sealed record ConverseRequest(IReadOnlyList<ConverseText> System, IReadOnlyList<ConverseMessage> Messages, ConverseInferenceConfig? InferenceConfig = null);

/// <summary>Converse's <c>inferenceConfig</c>: unset members are the model's defaults.</summary>
internal sealed record ConverseInferenceConfig(int? MaxTokens = null, double? Temperature = null);

internal sealed record ConverseText(string Text);

internal sealed record ConverseMessage(string Role, IReadOnlyList<ConverseContentBlock> Content);

/// <summary>One content block: exactly one of its members is set.</summary>
internal sealed record ConverseContentBlock(string? Text = null, ConverseImageBlock? Image = null, ConverseAudioBlock? Audio = null);

/// <summary><c>format</c> png | jpeg | gif | webp; the bytes travel as base64 in JSON.</summary>
internal sealed record ConverseImageBlock(string Format, ConverseImageSource Source);

internal sealed record ConverseImageSource(byte[] Bytes);

/// <summary>
/// Converse's AudioBlock: <c>format</c> mp3 | opus | wav | aac | flac | mp4 | ogg | mkv | mka | x-aac | m4a | mpeg | mpga |
/// pcm | webm (Bedrock API reference, AudioBlock); the bytes travel as base64 in JSON.
/// </summary>
internal sealed record ConverseAudioBlock(string Format, ConverseAudioSource Source);

internal sealed record ConverseAudioSource(byte[] Bytes);

/// <summary>A Converse response: the assistant's message and why it stopped (<c>end_turn</c>, <c>content_filtered</c>, ...).</summary>
internal sealed record ConverseResponse(ConverseOutput? Output, string? StopReason);

internal sealed record ConverseOutput(ConverseMessage? Message);
