namespace SnapMagic.Deploy;

/// <summary>
/// The Bedrock video model the worker animates cards with (<c>VideoModel:Bedrock:Family</c>), called through the
/// asynchronous API: StartAsyncInvoke writes <c>output.mp4</c> into the event's bucket under <c>animations/</c>, then
/// GetAsyncInvoke is polled. Each model is offered in one Region only, and the video is written by Bedrock into a bucket
/// that must be in the model's Region (see deploy/README.md), so the event's stack, whose bucket that is, must be
/// deployed in that Region: <see cref="RefuseOtherRegion"/>.
/// </summary>
public sealed record VideoModelChoice(string Family, string ModelId, string Region)
{
    /// <summary>The families SnapMagic.Imaging's BedrockVideoFamily knows, with their model and the one Region offering it.</summary>
    public static readonly IReadOnlyDictionary<string, (string ModelId, string Region)> Families = new Dictionary<string, (string, string)>
    {
        // Active per the Bedrock model card; text to video, us-west-2 only.
        ["LumaRay2"] = ("luma.ray-v2:0", "us-west-2"),
        // Reported Legacy, end of life 2026-09-30; us-east-1 only.
        ["NovaReel"] = ("amazon.nova-reel-v1:1", "us-east-1"),
    };

    public const string DefaultFamily = "LumaRay2";

    public static VideoModelChoice Create(string? family)
    {
        family ??= DefaultFamily;
        var known = Families.Keys.FirstOrDefault(name => string.Equals(name, family, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--video-model must be one of {string.Join(", ", Families.Keys)}; it is '{family}'.");
        var (modelId, region) = Families[known];
        return new VideoModelChoice(known, modelId, region);
    }

    /// <summary>
    /// Refuses a stack Region the video model cannot write its videos in. <paramref name="stackRegion"/> is null when the
    /// stack is environment-agnostic: the template then carries a CloudFormation rule that refuses the deployment instead.
    /// </summary>
    public void RefuseOtherRegion(string? stackRegion)
    {
        if (stackRegion is not null && !string.Equals(stackRegion, Region, StringComparison.Ordinal))
            throw new ArgumentException(RegionMismatchMessage(stackRegion));
    }

    public string RegionMismatchMessage(string stackRegion) =>
        $"The video model {Family} ({ModelId}) runs in {Region} only, and Bedrock writes its videos into the event's bucket, which must " +
        $"be in the model's Region; this stack would be in {stackRegion}. Deploy the event in {Region} " +
        $"(CDK_DEFAULT_REGION / AWS_REGION={Region}), or the --video-model offered where the stack is, if any " +
        $"({string.Join(", ", Families.Select(family => $"{family.Key}: {family.Value.Region}"))}).";
}
