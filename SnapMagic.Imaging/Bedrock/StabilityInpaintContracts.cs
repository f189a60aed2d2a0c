using System.Text.Json.Serialization;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>Stability AI Image Services Inpaint request (InvokeModel body); the mask's WHITE pixels are repainted.</summary>
internal sealed record StabilityInpaintRequest(
    string Image,
    string Mask,
    string Prompt,
    [property: JsonPropertyName("negative_prompt")] string? NegativePrompt,
    long Seed,
    [property: JsonPropertyName("output_format")] string OutputFormat);

/// <summary>
/// Stability AI Image Services response: base64 images, and per image a finish reason that is null on success or
/// "Filter reason: prompt" / "Filter reason: output image" / "Filter reason: input image" / "Inference error".
/// </summary>
internal sealed record StabilityResponse(
    IReadOnlyList<string>? Images,
    [property: JsonPropertyName("finish_reasons")] IReadOnlyList<string?>? FinishReasons,
    IReadOnlyList<long>? Seeds);
