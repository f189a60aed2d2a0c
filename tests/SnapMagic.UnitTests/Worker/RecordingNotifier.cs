using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Worker.Notifications;

namespace SnapMagic.UnitTests.Worker;

/// <summary>Records every "card changed" notice (and, apart, every "feedback changed" one) instead of calling the Api; when <see cref="Fails"/>, then throws as an unreachable Api would.</summary>
internal sealed class RecordingNotifier : IApiNotifier
{
    private readonly Lock _lock = new();
    private readonly List<(string CorrelationId, CardStatus Status)> _notices = [];

    public IReadOnlyList<string> Notices
    {
        get
        {
            lock (_lock)
                return [.. _notices.Select(notice => notice.CorrelationId)];
        }
    }

    public IReadOnlyList<CardStatus> Statuses
    {
        get
        {
            lock (_lock)
                return [.. _notices.Select(notice => notice.Status)];
        }
    }

    public bool Fails { get; set; }

    /// <summary>Every animation notice, in order.</summary>
    public IReadOnlyList<(string CorrelationId, CardAnimationStatus Status)> AnimationNotices
    {
        get
        {
            lock (_lock)
                return [.. _animationNotices];
        }
    }

    private readonly List<(string CorrelationId, CardAnimationStatus Status)> _animationNotices = [];

    public Task AnimationChangedAsync(string correlationId, CardAnimationStatus animation, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            _animationNotices.Add((correlationId, animation));
        return Fails ? Task.FromException(new HttpRequestException("The Api is not reachable.")) : Task.CompletedTask;
    }

    public Task CardChangedAsync(string correlationId, CardStatus status, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            _notices.Add((correlationId, status));
        return Fails ? Task.FromException(new HttpRequestException("The Api is not reachable.")) : Task.CompletedTask;
    }

    private readonly List<(string FeedbackId, FeedbackStatus Status)> _feedbackNotices = [];

    public IReadOnlyList<(string FeedbackId, FeedbackStatus Status)> FeedbackNotices
    {
        get
        {
            lock (_lock)
                return [.. _feedbackNotices];
        }
    }

    public Task FeedbackChangedAsync(string feedbackId, FeedbackStatus status, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            _feedbackNotices.Add((feedbackId, status));
        return Fails ? Task.FromException(new HttpRequestException("The Api is not reachable.")) : Task.CompletedTask;
    }
}
