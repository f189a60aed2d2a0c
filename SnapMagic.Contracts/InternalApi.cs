namespace SnapMagic.Contracts;

/// <summary>
/// The worker's "this card changed" notice to the Api: <c>POST /internal/cards/{id}/changed?status=…</c> with the
/// internal key in <see cref="KeyHeader"/>; 204 when the Api found the card.
/// </summary>
public static class InternalApi
{
    public const string CardChangedRoute = "/internal/cards/{correlationId}/changed";
    public const string KeyHeader = "X-SnapMagic-Internal-Key";

    /// <summary>The key both sides use in Development when none is configured; refused anywhere else.</summary>
    public const string DevelopmentKey = "snapmagic-dev-internal-key";

    /// <summary>The notice's path and query, relative to the Api's base address.</summary>
    public static string CardChangedPath(string correlationId, string status) =>
        $"internal/cards/{Uri.EscapeDataString(correlationId)}/changed?status={Uri.EscapeDataString(status)}";
}
