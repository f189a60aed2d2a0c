using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Organizer;
using SnapMagic.Api.Tests.Feedback;
using SnapMagic.Feedback;
using SnapMagic.Storage;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Organizer;

/// <summary>The summary's ratings by source, animations and feedback, and the feedback CSV, after a known set of each.</summary>
public sealed class OrganizerFeedbackTests : IDisposable
{
    private readonly OrganizerFactory _factory = new();

    private IFeedbackStore Feedback => _factory.Services.GetRequiredService<IFeedbackStore>();

    [Fact]
    public async Task An_event_without_any_has_zeros_and_no_shares()
    {
        using var organizer = await _factory.NewOrganizerAsync();

        var summary = await organizer.GetSummaryAsync();

        Assert.Equal(new RatingsBySource(new RatingCounts(0, 0), new RatingCounts(0, 0)), summary.RatingsBySource);
        Assert.Equal((0, 0, 0, 0m, OrganizerOptions.DefaultPricePerVideoUsd), (summary.Animations.Requested, summary.Animations.Completed, summary.Animations.Failed, summary.Animations.EstimatedCost, summary.Animations.PricePerVideo));
        Assert.Equal((0, null, null, null), (summary.Feedback.Received, summary.Feedback.PositiveShare, summary.Feedback.NeutralShare, summary.Feedback.NegativeShare));
        Assert.Empty(summary.Feedback.Latest);
    }

    [Fact]
    public async Task Ratings_split_by_source_animations_with_their_cost_and_feedback_with_shares_and_latest_texts()
    {
        var (attendee, login) = await _factory.NewSessionAsync();
        var cards = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var card = await attendee.SubmitCardAsync($"Card {i} of the organizer's summary");
            await _factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
            cards.Add(card.CorrelationId);
        }
        await attendee.RateCardAsync(login.Token, cards[0], "up");
        await attendee.RateCardAsync(login.Token, cards[1], "down", "button");
        await attendee.RateCardAsync(login.Token, cards[2], "up", "gesture");
        await attendee.RateCardAsync(login.Token, cards[3], "down", "gesture");
        foreach (var id in cards.Take(3))
            await attendee.RequestAnimationAsync(login.Token, id);
        await _factory.CompleteAnimationAsync(cards[0], login.SessionId);
        await _factory.Services.GetRequiredService<IJobStore>().TryFailAnimationAsync(cards[1], "The video model refused this card.", DateTimeOffset.UtcNow);

        await FinishTypedAsync(attendee, login.Token, "Loved the dragons", Sentiment.Positive);
        await FinishTypedAsync(attendee, login.Token, "The queue was far too long", Sentiment.Negative);
        await FinishTypedAsync(attendee, login.Token, "It was fine I suppose", Sentiment.Neutral);
        await FinishTypedAsync(attendee, login.Token, "Best booth of the day", Sentiment.Positive);
        var kept = await attendee.SubmitFeedbackAsync(login.Token, TestRecordings.Webm, "audio/webm");
        await Feedback.TryStartAsync(kept.FeedbackId, DateTimeOffset.UtcNow);
        await Feedback.TryCompleteAsync(kept.FeedbackId, null, transcribed: false, null, DateTimeOffset.UtcNow);
        await attendee.SubmitTypedFeedbackAsync(login.Token, "Still waiting to be scored");
        using var organizer = await _factory.NewOrganizerAsync();

        using var response = await organizer.GetAsync("/api/organizer/summary");
        var json = await response.Content.ReadAsStringAsync();
        var summary = await organizer.GetSummaryAsync();

        Assert.Equal(new RatingsBySource(new RatingCounts(1, 1), new RatingCounts(1, 1)), summary.RatingsBySource);
        Assert.Equal(new RatingCounts(2, 2), summary.Ratings);
        var animations = summary.Animations;
        Assert.Equal((3, 1, 1), (animations.Requested, animations.Completed, animations.Failed));
        Assert.Equal(OrganizerOptions.DefaultPricePerVideoUsd, animations.EstimatedCost);
        var feedback = summary.Feedback;
        Assert.Equal((6, 5, 0, 1, 5, 1), (feedback.Received, feedback.Completed, feedback.Failed, feedback.Spoken, feedback.Typed, feedback.NotTranscribed));
        Assert.Equal((2, 1, 1), (feedback.Positive, feedback.Neutral, feedback.Negative));
        Assert.Equal((0.5, 0.25, 0.25), (feedback.PositiveShare, feedback.NeutralShare, feedback.NegativeShare));
        Assert.Equal(4, feedback.Latest.Count);
        Assert.Contains(feedback.Latest, t => t == new FeedbackTranscript("Loved the dragons", "positive", "typed", t.At));
        Assert.Contains(feedback.Latest, t => t.Text == "The queue was far too long" && t.Sentiment == "negative");
        Assert.DoesNotContain(login.SessionId, json);
        Assert.DoesNotContain("sessionId", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_price_per_video_is_a_setting()
    {
        using var factory = new PricedFactory();
        using var organizer = await factory.NewOrganizerAsync();

        var summary = await organizer.GetSummaryAsync();

        Assert.Equal(3.75m, summary.Animations.PricePerVideo);
    }

    [Fact]
    public async Task The_feedback_csv_lists_every_answer_without_session_ids_and_never_a_formula()
    {
        var (attendee, login) = await _factory.NewSessionAsync();
        await FinishTypedAsync(attendee, login.Token, "=HYPERLINK(\"http://evil.example\",\"click\")", Sentiment.Negative);
        await FinishTypedAsync(attendee, login.Token, "Great, \"really\" great\nthanks", Sentiment.Positive);
        await attendee.SubmitFeedbackAsync(login.Token, TestRecordings.Wav(), "audio/wav");
        using var organizer = await _factory.NewOrganizerAsync();

        using var response = await organizer.GetAsync("/api/organizer/feedback.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("snapmagic-feedback.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("time,kind,status,transcribed,sentiment,failureReason,text\r\n", text);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"\r\n", text);
        Assert.DoesNotContain(login.SessionId, text);
        var rows = ReadAll(bytes);
        Assert.Equal(4, rows.Count);
        Assert.Equal(("typed", "completed", "yes", "positive", "Great, \"really\" great\nthanks"), (rows[2][1], rows[2][2], rows[2][3], rows[2][4], rows[2][6]));
        Assert.Equal(("spoken", "queued", "no", "", ""), (rows[3][1], rows[3][2], rows[3][3], rows[3][4], rows[3][6]));
    }

    [Fact]
    public async Task The_feedback_csv_is_for_organizers_only()
    {
        var (attendee, _) = await _factory.NewSessionAsync();
        using var anonymous = _factory.CreateClient();

        using var byAttendee = await attendee.GetAsync("/api/organizer/feedback.csv");
        using var withoutToken = await anonymous.GetAsync("/api/organizer/feedback.csv");

        await byAttendee.AssertProblemAsync(HttpStatusCode.Forbidden);
        await withoutToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<string> FinishTypedAsync(HttpClient attendee, string token, string text, Sentiment sentiment)
    {
        var accepted = await attendee.SubmitTypedFeedbackAsync(token, text);
        await Feedback.TryStartAsync(accepted.FeedbackId, _factory.Clock.GetUtcNow());
        await Feedback.TryCompleteAsync(accepted.FeedbackId, text, transcribed: false, sentiment, _factory.Clock.GetUtcNow());
        return accepted.FeedbackId;
    }

    private static List<string[]> ReadAll(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(reader.Current.ToArray());
        return rows;
    }

    public void Dispose() => _factory.Dispose();

    private sealed class PricedFactory : ApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Organizer:PricePerVideoUsd", "3.75");
        }
    }
}
