using SnapMagic.Contracts;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Feedback;

/// <summary>Turns a stored feedback item into the view its owner sees (GET /api/feedback/{id}, the hub's feedbackUpdated).</summary>
internal static class FeedbackViews
{
    public static FeedbackView Create(FeedbackItem item)
    {
        // A typed answer's text is known from the start; a recording's only once the speech model heard it.
        var hasText = item.Kind == FeedbackKind.Typed || item.Transcribed;
        return new FeedbackView(
            item.FeedbackId,
            item.Status.ToWireName(),
            item.Kind.ToWireName(),
            item.CreatedAt,
            item.FinishedAt,
            hasText ? item.Text : null,
            hasText,
            item.Sentiment?.ToWireName(),
            item.Status == FeedbackStatus.Failed ? item.Error : null);
    }
}
