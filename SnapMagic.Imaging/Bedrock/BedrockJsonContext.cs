using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>The error body every Bedrock Runtime operation answers with.</summary>
internal sealed record BedrockErrorBody(string? Message);

/// <summary>Nova Canvas INPAINTING request (InvokeModel body).</summary>
internal sealed record NovaCanvasRequest(string TaskType, NovaInPaintingParams InPaintingParams, NovaImageGenerationConfig ImageGenerationConfig);

internal sealed record NovaInPaintingParams(string Image, string MaskImage, string Text, string? NegativeText);

/// <summary>No width/height: an INPAINTING output has the input image's size.</summary>
internal sealed record NovaImageGenerationConfig(int NumberOfImages, string Quality, double CfgScale, int Seed);

/// <summary>Nova Canvas response: base64 images, or <c>error</c> when the output was blocked.</summary>
internal sealed record NovaCanvasResponse(IReadOnlyList<string>? Images, string? Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BedrockErrorBody))]
[JsonSerializable(typeof(NovaCanvasRequest))]
[JsonSerializable(typeof(NovaCanvasResponse))]
[JsonSerializable(typeof(StabilityInpaintRequest))]
[JsonSerializable(typeof(StabilityResponse))]
[JsonSerializable(typeof(ConverseRequest))]
[JsonSerializable(typeof(ConverseResponse))]
internal sealed partial class BedrockJsonContext : JsonSerializerContext;
