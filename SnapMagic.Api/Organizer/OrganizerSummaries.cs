using Microsoft.Extensions.Options;
using SnapMagic.Api.Animations;
using SnapMagic.Api.Cards;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Statistics;
using SnapMagic.Storage;

namespace SnapMagic.Api.Organizer;

/// <summary>Builds the organizer's summary from the job and feedback stores' figures, the queues' depths and the budgets' use.</summary>
internal sealed class OrganizerSummaries(
    IJobStore store, IFeedbackStore feedback, ICardQueues queues, CardSpendLimits limits, AnimationLimits animationLimits, TimeProvider time,
    IOptions<OrganizerOptions> options, ILogger<OrganizerSummaries> logger)
{
    public const int SeriesMinutes = 60;
    public const int LatestFeedback = 10;
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
        var animationBudget = animationLimits.GetBudgetAsync();
        var feedbackFigures = feedback.GetStatisticsAsync(LatestFeedback, cancellationToken);
        var figures = await statistics;

        var finished = figures.Completed + figures.Failed;
        var perMinute = figures.CompletedPerMinute.ToDictionary(minute => minute.Minute, minute => minute.Count);
        var price = options.Value.PricePerImageUsd;
        var pricePerVideo = options.Value.PricePerVideoUsd;
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
            await budget,
            new RatingsBySource(
                new RatingCounts(figures.RatedUp - figures.RatedUpByGesture, figures.RatedDown - figures.RatedDownByGesture),
                new RatingCounts(figures.RatedUpByGesture, figures.RatedDownByGesture)),
            new AnimationSummary(
                figures.AnimationsRequested,
                figures.AnimationsCompleted,
                figures.AnimationsFailed,
                figures.AnimationsCompleted * pricePerVideo,
                pricePerVideo,
                await animationBudget),
            Summarize(await feedbackFigures));
    }

    private static FeedbackSummary Summarize(FeedbackStatistics feedback)
    {
        var scored = feedback.Positive + feedback.Neutral + feedback.Negative;
        double? Share(long count) => scored == 0 ? null : Math.Round((double)count / scored, 4);
        return new FeedbackSummary(
            feedback.Received,
            feedback.Completed,
            feedback.Failed,
            feedback.Spoken,
            feedback.Typed,
            feedback.NotTranscribed,
            feedback.Positive,
            feedback.Neutral,
            feedback.Negative,
            Share(feedback.Positive),
            Share(feedback.Neutral),
            Share(feedback.Negative),
            [.. feedback.Latest.Where(item => item.Text is not null).Select(item => new FeedbackTranscript(
                item.Text!, item.Sentiment?.ToWireName(), item.Kind.ToWireName(), item.FinishedAt ?? item.CreatedAt))]);
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
