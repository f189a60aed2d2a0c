using SnapMagic.Imaging;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Animations;

/// <summary>Section <c>Worker:Animations</c>: how the worker starts card animations and checks on them.</summary>
public sealed class AnimationOptions
{
    public const string Section = "Worker:Animations";

    /// <summary>
    /// Seconds between two checks on a running video (a delayed re-check message; no slot is held meanwhile). Unset: 15 s for
    /// Bedrock (a video takes minutes), 1 s for the local model (drawn by the start).
    /// </summary>
    public int? RecheckSeconds { get; set; }

    /// <summary>A video still running this long after its start is marked failed (every video costs: this is its limit).</summary>
    public int MaxMinutes { get; set; } = 30;

    /// <summary>Cap on concurrent video-model calls (starts and status reads) in one worker process.</summary>
    public int MaxConcurrency { get; set; } = 2;
    public int AttemptTimeoutSeconds { get; set; } = 30;
    public int MaxRetries { get; set; } = 2;
    public int RetryBaseDelayMs { get; set; } = 500;
    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 4;
    public int BreakerSamplingSeconds { get; set; } = 30;
    public int BreakerBreakSeconds { get; set; } = 15;

    public TimeSpan Recheck(bool localModel) => TimeSpan.FromSeconds(Math.Clamp(RecheckSeconds ?? (localModel ? 1 : 15), 0, 900));

    public TimeSpan MaxDuration => TimeSpan.FromMinutes(Math.Max(1, MaxMinutes));

    /// <summary>The retry and breaker settings in the shape <see cref="ModelResiliencePipeline"/> takes.</summary>
    internal ImageModelOptions Pipeline => new()
    {
        MaxRetries = MaxRetries,
        RetryBaseDelayMs = RetryBaseDelayMs,
        BreakerFailureRatio = BreakerFailureRatio,
        BreakerMinimumThroughput = BreakerMinimumThroughput,
        BreakerSamplingSeconds = BreakerSamplingSeconds,
        BreakerBreakSeconds = BreakerBreakSeconds,
    };
}
