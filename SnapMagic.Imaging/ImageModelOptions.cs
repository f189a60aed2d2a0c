namespace SnapMagic.Imaging;

public sealed class ImageModelOptions
{
    public const string Section = "ImageModel";

    /// <summary><c>Local</c> (deterministic painter) or <c>Bedrock</c>.</summary>
    public string Provider { get; set; } = "Local";
    /// <summary>Cap on concurrent model calls across one worker process.</summary>
    public int MaxConcurrency { get; set; } = 2;
    public int AttemptTimeoutSeconds { get; set; } = 60;
    public int MaxRetries { get; set; } = 3;
    public int RetryBaseDelayMs { get; set; } = 500;
    /// <summary>Failure ratio over the sampling window that opens the breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 4;
    public int BreakerSamplingSeconds { get; set; } = 30;
    public int BreakerBreakSeconds { get; set; } = 15;
    public LocalImageModelOptions Local { get; set; } = new();
}

public sealed class LocalImageModelOptions
{
    public int LatencyMs { get; set; }
    /// <summary>0..1: the share of calls that fail with a transient error, to see the resilience paths locally.</summary>
    public double FailureRate { get; set; }
}
