using SnapMagic.Cards;

namespace SnapMagic.Api.Hub;

/// <summary>
/// The furthest status this Api has pushed for each recent card, so every status reaches a card's browser once:
/// a worker that re-announces a finished card (it found the card finished on a redelivered message, because the
/// worker before it died between the status write and its notice) or two copies of one message never push twice.
/// Bounded: the oldest cards are forgotten first; after a restart a repeated notice may push again.
/// </summary>
internal sealed class PushedStatuses
{
    public const int Capacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, CardStatus> _furthest = [];
    private readonly Queue<string> _oldestFirst = new();

    /// <summary>True when <paramref name="status"/> is further than anything pushed for the card so far (and records it).</summary>
    public bool TryClaim(string correlationId, CardStatus status)
    {
        lock (_lock)
        {
            if (_furthest.TryGetValue(correlationId, out var pushed))
            {
                if (Rank(pushed) >= Rank(status))
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

    private static int Rank(CardStatus status) => status switch
    {
        CardStatus.Queued => 0,
        CardStatus.Processing => 1,
        _ => 2,
    };
}
