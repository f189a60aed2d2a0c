namespace SnapMagic.Worker;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Cards one worker process works on at once (each holds one leased message).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>On shutdown, how long in-flight cards may take to finish before their messages are released.</summary>
    public int ShutdownGraceSeconds { get; set; } = 20;

    /// <summary>How long a dead-lettered message stays invisible after the sweeper has looked at it (SQS allows 12 h at most).</summary>
    public int DeadLetterHoldHours { get; set; } = 12;
}
