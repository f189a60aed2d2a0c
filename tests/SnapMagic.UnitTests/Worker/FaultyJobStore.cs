using SnapMagic.Cards;
using SnapMagic.Statistics;
using SnapMagic.Storage;

namespace SnapMagic.UnitTests.Worker;

/// <summary>A job store that fails the worker's calls as <see cref="Faults"/> plans ("store.&lt;method&gt;"), else asks the real one.</summary>
internal sealed class FaultyJobStore(IJobStore inner, Faults faults) : IJobStore
{
    public Task<(CardJob Job, bool Created)> CreateAsync(CardJob job, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(job, cancellationToken);

    public Task<CardJob?> GetAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        faults.Check("store.GetAsync");
        return inner.GetAsync(correlationId, cancellationToken);
    }

    public Task<CardJob?> TryStartAsync(string correlationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        faults.Check("store.TryStartAsync");
        return inner.TryStartAsync(correlationId, startedAt, cancellationToken);
    }

    public Task<CardJob?> TryCompleteAsync(string correlationId, string imageKey, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        faults.Check("store.TryCompleteAsync");
        return inner.TryCompleteAsync(correlationId, imageKey, completedAt, cancellationToken);
    }

    public Task<CardJob?> TryFailAsync(string correlationId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken = default)
    {
        faults.Check("store.TryFailAsync");
        return inner.TryFailAsync(correlationId, error, failedAt, cancellationToken);
    }

    public Task<IReadOnlyList<CardJob>> ListBySessionAsync(string sessionId, int limit, CancellationToken cancellationToken = default) =>
        inner.ListBySessionAsync(sessionId, limit, cancellationToken);

    public Task<long?> CountQueuedAheadAsync(CardJob job, CancellationToken cancellationToken = default) =>
        inner.CountQueuedAheadAsync(job, cancellationToken);

    public Task<CardJob?> TryRateAsync(string correlationId, CardRating rating, RatingSource source = RatingSource.Button, CancellationToken cancellationToken = default) =>
        inner.TryRateAsync(correlationId, rating, source, cancellationToken);

    public Task<(CardJob Job, bool Created)?> TryRequestAnimationAsync(string correlationId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) =>
        inner.TryRequestAnimationAsync(correlationId, requestedAt, cancellationToken);

    public Task<CardJob?> TryStartAnimationAsync(string correlationId, string invocationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        faults.Check("store.TryStartAnimationAsync");
        return inner.TryStartAnimationAsync(correlationId, invocationId, startedAt, cancellationToken);
    }

    public Task<CardJob?> TryCompleteAnimationAsync(string correlationId, string videoKey, string videoContentType, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        faults.Check("store.TryCompleteAnimationAsync");
        return inner.TryCompleteAnimationAsync(correlationId, videoKey, videoContentType, finishedAt, cancellationToken);
    }

    public Task<CardJob?> TryFailAnimationAsync(string correlationId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        faults.Check("store.TryFailAnimationAsync");
        return inner.TryFailAnimationAsync(correlationId, error, finishedAt, cancellationToken);
    }

    public Task<EventStatistics> GetStatisticsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        inner.GetStatisticsAsync(since, until, cancellationToken);

    public IAsyncEnumerable<CardJob> ListAllAsync(CancellationToken cancellationToken = default) => inner.ListAllAsync(cancellationToken);

    public Task<IReadOnlyList<CardJob>> ListLatestCompletedAsync(int limit, CancellationToken cancellationToken = default) =>
        inner.ListLatestCompletedAsync(limit, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
