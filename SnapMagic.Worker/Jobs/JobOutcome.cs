namespace SnapMagic.Worker.Jobs;

/// <summary>What became of one received job message (<see cref="JobMessageManager"/>).</summary>
public enum JobOutcome
{
    /// <summary>The job was done and its record marked completed (a card painted, an animation started or checked, feedback scored); the message is deleted.</summary>
    Completed,
    /// <summary>The job's record was marked failed with a reason the attendee can read; the message is deleted.</summary>
    Failed,
    /// <summary>The record was already completed or failed (a redelivery): nothing done, the message is deleted.</summary>
    AlreadyFinished,
    /// <summary>The message was handed back to the queue for a later try.</summary>
    Released,
    /// <summary>The message is not a job message, no handler here does its kind, or it names no job: moved to the dead-letter queue.</summary>
    DeadLettered,
}
