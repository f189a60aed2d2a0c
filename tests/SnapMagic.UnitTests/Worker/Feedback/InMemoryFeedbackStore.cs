using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SnapMagic.Feedback;

namespace SnapMagic.UnitTests.Worker.Feedback;

/// <summary>
/// An <see cref="IFeedbackStore"/> in memory with the interface's conditional moves (queued | processing → processing →
/// completed | failed), for tests of the feedback role that need no SQLite file.
/// </summary>
internal sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentDictionary<string, FeedbackItem> _items = new();
    private readonly Lock _lock = new();

    public Task CreateAsync(FeedbackItem item, CancellationToken cancellationToken = default)
    {
        if (!_items.TryAdd(item.FeedbackId, item))
            throw new InvalidOperationException($"Feedback {item.FeedbackId} exists.");
        return Task.CompletedTask;
    }

    public Task<FeedbackItem?> GetAsync(string feedbackId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_items.GetValueOrDefault(feedbackId));

    public Task<FeedbackItem?> TryStartAsync(string feedbackId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        Move(feedbackId, item => !item.Status.IsTerminal(), item => item with { Status = FeedbackStatus.Processing, StartedAt = startedAt });

    public Task<FeedbackItem?> TryCompleteAsync(string feedbackId, string? text, bool transcribed, Sentiment? sentiment, DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default) =>
        Move(feedbackId, item => item.Status == FeedbackStatus.Processing, item => item with
        {
            Status = FeedbackStatus.Completed, Text = text, Transcribed = transcribed, Sentiment = sentiment, FinishedAt = finishedAt,
        });

    public Task<FeedbackItem?> TryFailAsync(string feedbackId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default) =>
        Move(feedbackId, item => !item.Status.IsTerminal(), item => item with { Status = FeedbackStatus.Failed, Error = error, FinishedAt = finishedAt });

    public Task<FeedbackStatistics> GetStatisticsAsync(int latest, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The worker never reads statistics.");

    public async IAsyncEnumerable<FeedbackItem> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var item in _items.Values.OrderBy(item => item.CreatedAt))
            yield return item;
    }

    private Task<FeedbackItem?> Move(string feedbackId, Func<FeedbackItem, bool> allowed, Func<FeedbackItem, FeedbackItem> change)
    {
        lock (_lock)
        {
            if (!_items.TryGetValue(feedbackId, out var item) || !allowed(item))
                return Task.FromResult<FeedbackItem?>(null);
            var changed = change(item);
            _items[feedbackId] = changed;
            return Task.FromResult<FeedbackItem?>(changed);
        }
    }
}
