using SnapMagic.Queueing;
using SnapMagic.Worker.Jobs;
using SnapMagic.Worker.Cards;

namespace SnapMagic.UnitTests.Worker;

/// <summary>A card job handler that answers every try with what the test says, and records the tries.</summary>
internal sealed class ScriptedCardJobHandler(Func<JobAttempt, CancellationToken, Task<JobResult>> answer) : IJobHandler
{
    public JobKind Kind => JobKind.Card;

    private readonly Lock _lock = new();
    private readonly List<JobAttempt> _attempts = [];

    public ScriptedCardJobHandler(JobResult result) : this((_, _) => Task.FromResult(result))
    {
    }

    public IReadOnlyList<JobAttempt> Attempts
    {
        get
        {
            lock (_lock)
                return [.. _attempts];
        }
    }

    public Task<JobResult> HandleAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        lock (_lock)
            _attempts.Add(attempt);
        return answer(attempt, cancellationToken);
    }
}
