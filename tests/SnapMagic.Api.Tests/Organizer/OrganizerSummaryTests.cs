using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Organizer;
using SnapMagic.Cards;
using SnapMagic.Storage;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests.Organizer;

/// <summary>The summary's figures after a known set of cards: made, failed, still waiting, rated.</summary>
public sealed class OrganizerSummaryTests : IDisposable
{
    private const string Refused = "The image model refused this prompt.";
    private const string TimedOut = "The image model did not answer in time.";

    private readonly OrganizerFactory _factory = new();

    private IJobStore Store => _factory.Services.GetRequiredService<IJobStore>();

    [Fact]
    public async Task An_event_without_cards_has_zeros_and_no_percentiles()
    {
        using var organizer = await _factory.NewOrganizerAsync();

        var summary = await organizer.GetSummaryAsync();

        Assert.Equal(0, summary.Accepted);
        Assert.Null(summary.SuccessRate);
        Assert.Null(summary.TimeToCard.P50);
        Assert.Null(summary.QueueWait.P95);
        Assert.Equal(OrganizerSummaries.SeriesMinutes, summary.CardsPerMinute.Count);
        Assert.All(summary.CardsPerMinute, minute => Assert.Equal(0, minute.Count));
        Assert.Empty(summary.TopWords);
        Assert.Equal(0m, summary.EstimatedModelCost);
    }

    [Fact]
    public async Task The_figures_match_the_cards_made_failed_waiting_and_rated()
    {
        var (alice, _) = await _factory.NewSessionAsync();
        var (bob, _) = await _factory.NewSessionAsync();
        // Each card: when a worker takes it and when it ends, in seconds after it was accepted.
        var a1 = await MakeAsync(alice, "A dragon guarding a lighthouse", start: 1, complete: 5);
        var a2 = await MakeAsync(alice, "A dragon made of stickers", start: 2, complete: 10);
        var b1 = await MakeAsync(bob, "A robot dragon at the booth", start: 3, complete: 20);
        await MakeAsync(bob, "A fox in a party hat", start: 4, fail: Refused);
        await MakeAsync(bob, "A fox with a lantern", fail: TimedOut);
        await MakeAsync(bob, "A lighthouse keeper's cat", start: 5);
        await MakeAsync(bob, "A quiet harbour at dawn");
        await RateAsync(alice, a1, "up");
        await RateAsync(alice, a2, "down");
        await RateAsync(alice, a2, "up");
        await RateAsync(bob, b1, "down");
        _factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var organizer = await _factory.NewOrganizerAsync();

        var summary = await organizer.GetSummaryAsync();

        Assert.Equal(7, summary.Accepted);
        Assert.Equal(1, summary.Queued);
        Assert.Equal(1, summary.Processing);
        Assert.Equal(3, summary.Completed);
        Assert.Equal(2, summary.Failed);
        Assert.Equal(0.6, summary.SuccessRate);
        Assert.Equal(new RatingCounts(2, 1), summary.Ratings);
        Assert.Equal([new FailureReason(TimedOut, 1), new FailureReason(Refused, 1)],
            summary.FailuresByReason.OrderBy(reason => reason.Reason, StringComparer.Ordinal));
        // Nearest rank: time to card over 5, 10, 20 s; queue wait over the five started cards, 1-5 s.
        Assert.Equal(new PercentileSeconds(10, 20), summary.TimeToCard);
        Assert.Equal(new PercentileSeconds(3, 5), summary.QueueWait);
        Assert.Equal(3, summary.CardsPerMinute.Sum(minute => minute.Count));
        Assert.Equal(OrganizerSummaries.SeriesMinutes, summary.CardsPerMinute.Count);
        Assert.True(summary.CardsPerMinute[^1].Minute <= summary.GeneratedAt);
        Assert.True(summary.CardsPerMinute[^1].Minute > summary.GeneratedAt.AddMinutes(-1));
        Assert.Equal(new WordCount("dragon", 3), summary.TopWords[0]);
        Assert.Contains(new WordCount("fox", 2), summary.TopWords);
        Assert.Contains(new WordCount("lighthouse", 2), summary.TopWords);
        Assert.DoesNotContain(summary.TopWords, word => word.Word is "a" or "the" or "with" or "of");
        Assert.Equal(7, summary.QueueDepth); // nothing took the messages: the Api tests run no worker
        Assert.Equal(0, summary.DeadLetters);
        Assert.Equal(3 * OrganizerOptions.DefaultPricePerImageUsd, summary.EstimatedModelCost);
        Assert.Equal("USD", summary.Currency);
    }

    [Fact]
    public async Task The_latest_finished_cards_come_newest_first_with_image_links()
    {
        var (alice, _) = await _factory.NewSessionAsync();
        var first = await MakeAsync(alice, "The first finished dragon", start: 1, complete: 2);
        await MakeAsync(alice, "A card still waiting in line");
        var second = await MakeAsync(alice, "The second finished dragon", start: 1, complete: 3);
        using var organizer = await _factory.NewOrganizerAsync();

        var latest = await organizer.GetFromJsonOrFailAsync<List<SnapMagic.Contracts.CardView>>("/api/organizer/cards/latest");

        Assert.Equal([second, first], latest.Select(card => card.CorrelationId));
        Assert.All(latest, card => Assert.NotNull(card.ImageUrl));
        using var anonymous = _factory.CreateClient();
        using var image = await anonymous.GetAsync(latest[0].ImageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    /// <summary>Submits a card over HTTP, then moves it in the store as a worker would, at times after its acceptance.</summary>
    private async Task<string> MakeAsync(HttpClient attendee, string prompt, int? start = null, int? complete = null, string? fail = null)
    {
        var id = (await attendee.SubmitCardAsync(prompt)).CorrelationId;
        var job = (await Store.GetAsync(id))!;
        if (start is { } started)
            Assert.NotNull(await Store.TryStartAsync(id, job.CreatedAt.AddSeconds(started)));
        if (complete is { } completed)
        {
            var key = CardJob.ImageKeyFor(job.SessionId, id);
            await _factory.Services.GetRequiredService<IImageStore>().SaveAsync(key, TestCards.Png);
            Assert.NotNull(await Store.TryCompleteAsync(id, key, job.CreatedAt.AddSeconds(completed)));
        }
        if (fail is not null)
            Assert.NotNull(await Store.TryFailAsync(id, fail, job.CreatedAt.AddSeconds((start ?? 0) + 1)));
        return id;
    }

    private static async Task RateAsync(HttpClient owner, string correlationId, string rating)
    {
        using var response = await owner.RateAsync(correlationId, rating);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
