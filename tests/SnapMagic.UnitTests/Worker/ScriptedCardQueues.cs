using SnapMagic.Worker.Jobs;
using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Worker;

/// <summary>Job and dead-letter queues for a <see cref="SnapMagic.Worker.Cards.JobMessageManager"/> under test.</summary>
internal sealed class ScriptedCardQueues : ICardQueues
{
    public ScriptedQueue ScriptedJobs { get; } = new();
    public ScriptedQueue ScriptedDeadLetters { get; } = new();
    public IMessageQueue Jobs => ScriptedJobs;
    public IMessageQueue DeadLetters => ScriptedDeadLetters;
}
