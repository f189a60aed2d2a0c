using SnapMagic.Queueing;

namespace SnapMagic.Worker.Jobs;

/// <summary>
/// Works one try at one kind of job (<see cref="Cards.CardJobHandler"/> paints cards); the <see cref="JobMessageManager"/>
/// routes each message to the handler of its <see cref="JobMessage.Kind"/> and settles the message from the result.
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    /// <summary>
    /// Returns the job's resolution for its own trouble. Throws when a store fails (the job stays open for a
    /// later try) and when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task<JobResult> HandleAsync(JobAttempt attempt, CancellationToken cancellationToken);
}
