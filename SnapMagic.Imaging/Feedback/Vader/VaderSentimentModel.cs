using Microsoft.Extensions.Logging;
using SnapMagic.Feedback;

namespace SnapMagic.Imaging.Feedback.Vader;

/// <summary>The local sentiment step (<c>Sentiment:Provider=Local</c>): VADER's lexicon and rules, offline and free.</summary>
public sealed partial class VaderSentimentModel(ILogger<VaderSentimentModel> logger) : ISentimentModel
{
    public Task<Sentiment> ScoreAsync(string feedbackId, string text, CancellationToken cancellationToken)
    {
        var compound = VaderScorer.Default.Compound(text);
        var sentiment = VaderScorer.Classify(compound);
        LogScored(feedbackId, compound, sentiment);
        return Task.FromResult(sentiment);
    }

    [LoggerMessage(LogLevel.Debug, "Feedback {FeedbackId}: VADER compound {Compound} → {Sentiment}")]
    private partial void LogScored(string feedbackId, double compound, Sentiment sentiment);
}
