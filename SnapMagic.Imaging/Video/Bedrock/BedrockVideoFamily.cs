namespace SnapMagic.Imaging.Video.Bedrock;

/// <summary>Which model input <c>VideoModel:Bedrock:Family</c> picks; both run on the asynchronous invocation API.</summary>
public enum BedrockVideoFamily
{
    /// <summary>Luma Ray 2 (<c>luma.ray-v2:0</c>): Active; text to video only on Bedrock, so the card's prompt drives it.</summary>
    LumaRay2,
    /// <summary>Amazon Nova Reel (<c>amazon.nova-reel-v1:1</c>): reported Legacy (end of life 2026-09-30); starts from the card's art.</summary>
    NovaReel,
}

public static class BedrockVideoFamilies
{
    public const BedrockVideoFamily Default = BedrockVideoFamily.LumaRay2;

    public static string DefaultModelId(this BedrockVideoFamily family) => family switch
    {
        BedrockVideoFamily.LumaRay2 => "luma.ray-v2:0",
        BedrockVideoFamily.NovaReel => "amazon.nova-reel-v1:1",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Not a Bedrock video family."),
    };

    /// <summary>Where each model is offered: Luma Ray 2 in us-west-2, Nova Reel 1.1 in us-east-1 only.</summary>
    public static string DefaultRegion(this BedrockVideoFamily family) => family switch
    {
        BedrockVideoFamily.LumaRay2 => "us-west-2",
        _ => "us-east-1",
    };
}
