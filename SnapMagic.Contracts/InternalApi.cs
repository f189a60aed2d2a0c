namespace SnapMagic.Contracts;

/// <summary>
/// The worker's "this card changed" notice to the Api: <c>POST /internal/cards/{id}/changed?status=…</c> with the
/// internal key in <see cref="KeyHeader"/>; 204 when the Api found the card.
/// </summary>
public static class InternalApi
{
    public const string CardChangedRoute = "/internal/cards/{correlationId}/changed";
    /// <summary>The same notice for feedback: <c>POST /internal/feedback/{id}/changed?status=…</c>.</summary>
    public const string FeedbackChangedRoute = "/internal/feedback/{feedbackId}/changed";
    public const string KeyHeader = "X-SnapMagic-Internal-Key";

    /// <summary>The key both sides use in Development when none is configured; refused anywhere else.</summary>
    public const string DevelopmentKey = "snapmagic-dev-internal-key";

    /// <summary>The notice's path and query, relative to the Api's base address.</summary>
    /// <param name="animationStatus">With an animation's change, the animation status the worker wrote (<c>&amp;animation=…</c>):
    /// the Api pushes only while the store still says so, as for <paramref name="status"/>.</param>
    public static string CardChangedPath(string correlationId, string status, string? animationStatus = null) =>
        $"internal/cards/{Uri.EscapeDataString(correlationId)}/changed?status={Uri.EscapeDataString(status)}" +
        (animationStatus is null ? "" : $"&animation={Uri.EscapeDataString(animationStatus)}");

    public static string FeedbackChangedPath(string feedbackId, string status) =>
        $"internal/feedback/{Uri.EscapeDataString(feedbackId)}/changed?status={Uri.EscapeDataString(status)}";
}
