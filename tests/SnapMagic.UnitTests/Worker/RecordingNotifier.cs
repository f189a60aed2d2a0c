using SnapMagic.Cards;
using SnapMagic.Worker.Notifications;

namespace SnapMagic.UnitTests.Worker;

/// <summary>Records every "card changed" notice instead of calling the Api.</summary>
internal sealed class RecordingNotifier : IApiNotifier
{
    private readonly Lock _lock = new();
    private readonly List<string> _notices = [];

    public IReadOnlyList<string> Notices
    {
        get
        {
            lock (_lock)
                return [.. _notices];
        }
    }

    public Task CardChangedAsync(string correlationId, CardStatus status, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            _notices.Add(correlationId);
        return Task.CompletedTask;
    }
}
