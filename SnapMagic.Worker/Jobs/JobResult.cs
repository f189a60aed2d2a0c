namespace SnapMagic.Worker.Jobs;

/// <summary>What <see cref="CardJobHandler"/> made of one try, and, for a retry, when the handler wants it at the earliest.</summary>
public readonly record struct JobResult(JobResolution Resolution, TimeSpan? RetryAfter = null)
{
    public static JobResult Completed => new(JobResolution.Completed);
    public static JobResult Failed => new(JobResolution.Failed);
    public static JobResult AlreadyFinished => new(JobResolution.AlreadyFinished);
    public static JobResult Unprocessable => new(JobResolution.Unprocessable);

    /// <param name="after">Null leaves the pause to the caller's retry schedule.</param>
    public static JobResult RetryLater(TimeSpan? after = null) => new(JobResolution.RetryLater, after);
}
