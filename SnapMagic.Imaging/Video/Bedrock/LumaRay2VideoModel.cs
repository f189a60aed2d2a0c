using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SnapMagic.Imaging.Video.Bedrock;

/// <summary>
/// Luma Ray 2 on Bedrock. Its model input, per https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-luma.html,
/// is <c>prompt</c> (1-5000 characters), <c>aspect_ratio</c> (1:1, 16:9, 9:16, 4:3, 3:4, 21:9, 9:21), <c>loop</c>,
/// <c>duration</c> (5s, 9s) and <c>resolution</c> (540p, 720p). That page documents no image input, so the card's art
/// cannot be the first frame: the prompt describes the card, and 1:1 is the listed ratio nearest the art window's 550x493.
/// </summary>
public sealed class LumaRay2VideoModel(BedrockAsyncInvokeClient client, IOptions<BedrockVideoOptions> options, ILogger<LumaRay2VideoModel> logger)
    : BedrockVideoModel(client, options, logger)
{
    public const int MaxPromptLength = 5000;
    public const string AspectRatio = "1:1";

    protected override string ModelName => "Luma Ray 2";

    protected internal override JsonObject ModelInput(AnimationRequest request) => new()
    {
        ["prompt"] = Truncate($"Trading card art coming to life, slow cinematic camera move: {request.Prompt}", MaxPromptLength),
        ["aspect_ratio"] = AspectRatio,
        // A card's animation plays on a loop beside the card.
        ["loop"] = true,
        ["duration"] = Settings.LumaDuration,
        ["resolution"] = Settings.LumaResolution,
    };
}
