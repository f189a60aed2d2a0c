using SnapMagic.Aws.DynamoDb;
using SnapMagic.Feedback;

namespace SnapMagic.UnitTests.Aws;

/// <summary>How feedback moves its DynamoDB counters: a new item counts once, each move only what it changes.</summary>
public sealed class FeedbackCountersTests
{
    private static readonly FeedbackItem Spoken = new()
    {
        FeedbackId = "0123456789abcdef0123456789abcdef",
        SessionId = "session",
        Kind = FeedbackKind.Spoken,
        Status = FeedbackStatus.Queued,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_new_item_counts_as_received_queued_and_its_kind()
    {
        Assert.Equal("kind:spoken+1 received+1 status:queued+1", Describe(FeedbackCounters.Changes(null, Spoken)));
    }

    [Fact]
    public void A_start_moves_only_the_status_and_a_restart_nothing()
    {
        var processing = Spoken with { Status = FeedbackStatus.Processing };

        Assert.Equal("status:processing+1 status:queued-1", Describe(FeedbackCounters.Changes(Spoken, processing)));
        Assert.Empty(FeedbackCounters.Changes(processing, processing));
    }

    [Fact]
    public void A_completion_counts_its_sentiment_and_a_recording_without_transcript()
    {
        var processing = Spoken with { Status = FeedbackStatus.Processing };

        Assert.Equal("sentiment:positive+1 status:completed+1 status:processing-1", Describe(FeedbackCounters.Changes(processing,
            processing with { Status = FeedbackStatus.Completed, Text = "Loved it", Transcribed = true, Sentiment = Sentiment.Positive })));
        Assert.Equal("notTranscribed+1 status:completed+1 status:processing-1", Describe(FeedbackCounters.Changes(processing,
            processing with { Status = FeedbackStatus.Completed })));
        var typed = processing with { Kind = FeedbackKind.Typed, Text = "Fine" };
        Assert.Equal("sentiment:neutral+1 status:completed+1 status:processing-1", Describe(FeedbackCounters.Changes(typed,
            typed with { Status = FeedbackStatus.Completed, Sentiment = Sentiment.Neutral })));
    }

    private static string Describe(Dictionary<string, long> changes) =>
        string.Join(" ", changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}{c.Value:+0;-0}"));
}
