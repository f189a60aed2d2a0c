namespace SnapMagic.Imaging.Bedrock;

/// <summary>A Converse request body (the model id travels in the path).</summary>
internal sealed record ConverseRequest(IReadOnlyList<ConverseText> System, IReadOnlyList<ConverseMessage> Messages);

internal sealed record ConverseText(string Text);

internal sealed record ConverseMessage(string Role, IReadOnlyList<ConverseContentBlock> Content);

/// <summary>One content block: exactly one of its members is set.</summary>
internal sealed record ConverseContentBlock(string? Text = null, ConverseImageBlock? Image = null);

/// <summary><c>format</c> png | jpeg | gif | webp; the bytes travel as base64 in JSON.</summary>
internal sealed record ConverseImageBlock(string Format, ConverseImageSource Source);

internal sealed record ConverseImageSource(byte[] Bytes);

/// <summary>A Converse response: the assistant's message and why it stopped (<c>end_turn</c>, <c>content_filtered</c>, ...).</summary>
internal sealed record ConverseResponse(ConverseOutput? Output, string? StopReason);

internal sealed record ConverseOutput(ConverseMessage? Message);
