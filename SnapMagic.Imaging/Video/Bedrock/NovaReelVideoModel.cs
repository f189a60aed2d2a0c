using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SnapMagic.Imaging.Video.Bedrock;

/// <summary>
/// Amazon Nova Reel on Bedrock (reported Legacy, end of life 2026-09-30). Image-to-video, per
/// https://docs.aws.amazon.com/nova/latest/userguide/video-gen-access.html: <c>taskType</c> TEXT_VIDEO,
/// <c>textToVideoParams</c> with <c>text</c> (up to 512 characters) and <c>images</c> (a list of one ImageSource:
/// <c>format</c>, <c>source.bytes</c> base64) used as the first frame, which must be 1280x720; and
/// <c>videoGenerationConfig</c> <c>durationSeconds</c> 6, <c>fps</c> 24, <c>dimension</c> "1280x720". The card's art,
/// fitted into 1280x720, is that first frame. No seed is sent (it is optional).
/// </summary>
public sealed class NovaReelVideoModel(BedrockAsyncInvokeClient client, IOptions<BedrockVideoOptions> options, ILogger<NovaReelVideoModel> logger)
    : BedrockVideoModel(client, options, logger)
{
    public const int MaxTextLength = 512;
    public const int FrameWidth = 1280, FrameHeight = 720;

    protected override string ModelName => "Nova Reel";

    protected internal override JsonObject ModelInput(AnimationRequest request)
    {
        using var art = CardArtFrame.Cut(request.CardPng);
        return new JsonObject
        {
            ["taskType"] = "TEXT_VIDEO",
            ["textToVideoParams"] = new JsonObject
            {
                ["text"] = Truncate($"Slow cinematic camera move, the scene comes to life: {request.Prompt}", MaxTextLength),
                ["images"] = new JsonArray(new JsonObject
                {
                    ["format"] = "png",
                    ["source"] = new JsonObject { ["bytes"] = Convert.ToBase64String(CardArtFrame.FitPng(art, FrameWidth, FrameHeight)) },
                }),
            },
            ["videoGenerationConfig"] = new JsonObject
            {
                ["durationSeconds"] = 6,
                ["fps"] = 24,
                ["dimension"] = $"{FrameWidth}x{FrameHeight}",
            },
        };
    }
}
