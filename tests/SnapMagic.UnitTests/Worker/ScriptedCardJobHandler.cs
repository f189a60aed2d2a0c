using SnapMagic.Worker.Cards;

namespace SnapMagic.UnitTests.Worker;

/// <summary>A card job handler that answers every try with what the test says, and records the tries.</summary>
internal sealed class ScriptedCardJobHandler(Func<CardJobAttempt, CancellationToken, Task<CardJobResult>> answer) : ICardJobHandler
{
    private readonly Lock _lock = new();
    private readonly List<CardJobAttempt> _attempts = [];

    public ScriptedCardJobHandler(CardJobResult result) : this((_, _) => Task.FromResult(result))
    {
    }

    public IReadOnlyList<CardJobAttempt> Attempts
    {
        get
        {
            lock (_lock)
                return [.. _attempts];
        }
    }

    public Task<CardJobResult> HandleAsync(CardJobAttempt attempt, CancellationToken cancellationToken)
    {
        lock (_lock)
            _attempts.Add(attempt);
        return answer(attempt, cancellationToken);
    }
}
