using SnapMagic.Contracts;

namespace SnapMagic.Api.Feedback;

/// <summary>A typed answer: trimmed, <see cref="FeedbackLimits.MinTextLength"/>-<see cref="FeedbackLimits.MaxTextLength"/> characters, no control characters but line breaks and tabs.</summary>
internal static class FeedbackTextRules
{
    /// <summary>The trimmed text, or an error an attendee can read.</summary>
    public static (string? Text, string? Error) Validate(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < FeedbackLimits.MinTextLength)
            return (null, $"The answer must be at least {FeedbackLimits.MinTextLength} characters long (after trimming spaces); it has {trimmed.Length}.");
        if (trimmed.Length > FeedbackLimits.MaxTextLength)
            return (null, $"The answer must be at most {FeedbackLimits.MaxTextLength} characters long; it has {trimmed.Length}.");
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return (null, "The answer contains control characters; use plain text.");
        return (trimmed, null);
    }
}
