namespace SnapMagic.Cards;

/// <summary>The prompt rule shared by Api and page: trimmed, 10-1024 characters, no control characters but line breaks and tabs.</summary>
public static class PromptRules
{
    public const int MinLength = 10;
    public const int MaxLength = 1024;

    /// <summary>Returns the trimmed prompt, or an error an attendee can read.</summary>
    public static (string? Prompt, string? Error) Validate(string? prompt)
    {
        var trimmed = prompt?.Trim() ?? "";
        if (trimmed.Length < MinLength)
            return (null, $"The prompt must be at least {MinLength} characters long (after trimming spaces); it has {trimmed.Length}.");
        if (trimmed.Length > MaxLength)
            return (null, $"The prompt must be at most {MaxLength} characters long; it has {trimmed.Length}.");
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return (null, "The prompt contains control characters; use plain text.");
        return (trimmed, null);
    }
}
