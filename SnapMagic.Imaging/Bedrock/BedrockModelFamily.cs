namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// Which request and response shape <c>ImageModel:Bedrock:Family</c> picks. Each family has its own small
/// adapter; all of them share <see cref="BedrockRuntimeClient"/> and paste only the art window back onto our template.
/// </summary>
public enum BedrockModelFamily
{
    /// <summary>Amazon Nova Canvas INPAINTING (InvokeModel): the card template with a mask whose BLACK area is repainted.</summary>
    NovaCanvas,
    /// <summary>Amazon Nova 2 Omni image editing (Converse): the art window's picture and a text instruction; no mask.</summary>
    Nova2Omni,
    /// <summary>Stability AI Image Services Inpaint (InvokeModel): the card template with a mask whose WHITE area is repainted.</summary>
    StabilityInpaint,
}

public static class BedrockModelFamilies
{
    /// <summary>
    /// Nova 2 Omni: an Active model. Nova Canvas, the first family, is reported Legacy with end of life 2026-09-30
    /// and stays selectable for accounts that still have it.
    /// </summary>
    public const BedrockModelFamily Default = BedrockModelFamily.Nova2Omni;

    /// <summary>The model each family calls when <c>ImageModel:Bedrock:ModelId</c> is not set.</summary>
    public static string DefaultModelId(this BedrockModelFamily family) => family switch
    {
        BedrockModelFamily.Nova2Omni => "us.amazon.nova-2-omni-v1:0",
        BedrockModelFamily.StabilityInpaint => "us.stability.stable-image-inpaint-v1:0",
        BedrockModelFamily.NovaCanvas => "amazon.nova-canvas-v1:0",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Not a Bedrock image model family."),
    };
}
