using SnapMagic.Feedback;

namespace SnapMagic.Imaging.Feedback;

/// <summary>Scores an attendee's answer positive, neutral or negative (<c>Sentiment:Provider</c>).</summary>
public interface ISentimentModel
{
    /// <exception cref="FeedbackModelException">The model refused or failed; <see cref="FeedbackModelException.IsTransient"/> says whether to try again.</exception>
    Task<Sentiment> ScoreAsync(string feedbackId, string text, CancellationToken cancellationToken);
}
