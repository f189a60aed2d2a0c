using Microsoft.Extensions.Options;
using SnapMagic.Api.Cards;
using SnapMagic.Queueing;
using SnapMagic.Statistics;
using SnapMagic.Storage;

namespace SnapMagic.Api.Organizer;

/// <summary>Builds the organizer's summary from the job store's figures and the queues' depths.</summary>
internal sealed class OrganizerSummaries(
    IJobStore store, ICardQueues queues, CardSpendLimits limits, TimeProvider time, IOptions<OrganizerOptions> options,
    ILogger<OrganizerSummaries> logger)
{
    public const int SeriesMinutes = 60;
    public const string Currency = "USD";

    public async Task<OrganizerSummary> CreateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var thisMinute = MinuteCount.StartOf(now);
        var since = thisMinute.AddMinutes(1 - SeriesMinutes);
        var statistics = store.GetStatisticsAsync(since, now, cancellationToken);
        var waiting = DepthAsync(queues.Jobs, depth => depth.Visible, cancellationToken);
        var deadLetters = DepthAsync(queues.DeadLetters, depth => depth.Visible + depth.InFlight, cancellationToken);
        var budget = limits.GetBudgetAsync();
        var figures = await statistics;

        var finished = figures.Completed + figures.Failed;
        var perMinute = figures.CompletedPerMinute.ToDictionary(minute => minute.Minute, minute => minute.Count);
        var price = options.Value.PricePerImageUsd;
        return new OrganizerSummary(
            now,
            figures.Accepted,
            figures.Queued,
            figures.Processing,
            figures.Completed,
            figures.Failed,
            finished == 0 ? null : Math.Round((double)figures.Completed / finished, 4),
            [.. Enumerable.Range(0, SeriesMinutes).Select(i => since.AddMinutes(i)).Select(minute => new MinutePoint(minute, perMinute.GetValueOrDefault(minute)))],
            Seconds(figures.TimeToCard),
            Seconds(figures.QueueWait),
            await waiting,
            await deadLetters,
            [.. figures.FailuresByReason.Select(reason => new FailureReason(reason.Key, reason.Count))],
            new RatingCounts(figures.RatedUp, figures.RatedDown),
            [.. figures.TopWords.Select(word => new WordCount(word.Key, word.Count))],
            figures.Completed * price,
            price,
            Currency,
            await budget);
    }

    private static PercentileSeconds Seconds(Percentiles percentiles) =>
        new(Round(percentiles.P50), Round(percentiles.P95));

    private static double? Round(double? seconds) => seconds is { } value ? Math.Round(value, 2) : null;

    /// <summary>A queue that cannot answer leaves its figure empty rather than failing the whole summary.</summary>
    private async Task<long?> DepthAsync(IMessageQueue queue, Func<QueueDepth, long> figure, CancellationToken cancellationToken)
    {
        try
        {
            return figure(await queue.GetDepthAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Queue {Queue} did not tell its depth for the organizer summary", queue.Name);
            return null;
        }
    }
}
