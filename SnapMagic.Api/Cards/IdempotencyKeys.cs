namespace SnapMagic.Api.Cards;

/// <summary>The optional <c>Idempotency-Key</c> header: printable ASCII, at most <see cref="MaxLength"/> characters.</summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 128;

    /// <summary>The key (null when absent), or an error that names the rule.</summary>
    public static (string? Key, string? Error) Read(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0)
            return (null, null);
        if (values.Count > 1)
            return (null, $"Send one {Header} header, not {values.Count}.");
        var key = values[0]!.Trim();
        if (key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~'))
            return (null, $"The {Header} header must be 1-{MaxLength} printable ASCII characters without spaces.");
        return (key, null);
    }
}
