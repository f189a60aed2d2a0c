namespace SnapMagic.Queueing;

public sealed class QueueOptions
{
    public const string Section = "Queue";

    public string Name { get; set; } = "snapmagic-cards";
    public string DeadLetterName { get; set; } = "snapmagic-cards-dlq";
    public int VisibilityTimeoutSeconds { get; set; } = 30;
    public int MaxReceiveCount { get; set; } = 5;
    /// <summary>Long-poll wait per receive, at most 20 s as on SQS.</summary>
    public int WaitTimeSeconds { get; set; } = 10;
}
