using SnapMagic.Cards;

namespace SnapMagic.Api.Pushes;

/// <summary>
/// <see cref="IPushedStatuses"/> in this process's memory, for a single Api. Bounded: the oldest cards are
/// forgotten first; after a restart a repeated notice may push again.
/// </summary>
internal sealed class PushedStatuses : IPushedStatuses
{
    public const int Capacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, CardStatus> _furthest = [];
    private readonly Queue<string> _oldestFirst = new();

    public Task<bool> TryClaimAsync(string correlationId, CardStatus status, CancellationToken cancellationToken) =>
        Task.FromResult(TryClaim(correlationId, status));

    public bool TryClaim(string correlationId, CardStatus status)
    {
        lock (_lock)
        {
            if (_furthest.TryGetValue(correlationId, out var pushed))
            {
                if (IPushedStatuses.Rank(pushed) >= IPushedStatuses.Rank(status))
                    return false;
            }
            else
            {
                _oldestFirst.Enqueue(correlationId);
                if (_oldestFirst.Count > Capacity)
                    _furthest.Remove(_oldestFirst.Dequeue());
            }
            _furthest[correlationId] = status;
            return true;
        }
    }
}
