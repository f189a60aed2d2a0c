namespace SnapMagic.Api.Pushes;

/// <summary>
/// <see cref="IPushedStatuses"/> in this process's memory, for a single Api. Bounded: the oldest keys are
/// forgotten first; after a restart a repeated notice may push again.
/// </summary>
internal sealed class PushedStatuses : IPushedStatuses
{
    public const int Capacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _furthest = [];
    private readonly Queue<string> _oldestFirst = new();

    public Task<bool> TryClaimAsync(string key, int rank, CancellationToken cancellationToken) =>
        Task.FromResult(TryClaim(key, rank));

    public bool TryClaim(string key, int rank)
    {
        lock (_lock)
        {
            if (_furthest.TryGetValue(key, out var pushed))
            {
                if (pushed >= rank)
                    return false;
            }
            else
            {
                _oldestFirst.Enqueue(key);
                if (_oldestFirst.Count > Capacity)
                    _furthest.Remove(_oldestFirst.Dequeue());
            }
            _furthest[key] = rank;
            return true;
        }
    }
}
