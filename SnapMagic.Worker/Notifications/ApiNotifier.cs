using SnapMagic.Contracts;
using Microsoft.Extensions.Logging;
using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.Worker.Notifications;

/// <summary>
/// <c>POST {Api:InternalUrl}/internal/cards/{id}/changed?status=…</c> (and <c>/internal/feedback/{id}/changed?status=…</c>) with
/// the internal key; 204 expected.
/// </summary>
public sealed class ApiNotifier(HttpClient http, ILogger<ApiNotifier> logger) : IApiNotifier
{
    public Task CardChangedAsync(string correlationId, CardStatus status, CancellationToken cancellationToken = default) =>
        PostAsync(InternalApi.CardChangedPath(correlationId, status.ToWireName()), "card", correlationId, cancellationToken);

    public Task AnimationChangedAsync(string correlationId, CardAnimationStatus animation, CancellationToken cancellationToken = default) =>
        PostAsync(InternalApi.CardChangedPath(correlationId, CardStatus.Completed.ToWireName(), animation.ToWireName()), "animation", correlationId, cancellationToken);

    public Task FeedbackChangedAsync(string feedbackId, FeedbackStatus status, CancellationToken cancellationToken = default) =>
        PostAsync(InternalApi.FeedbackChangedPath(feedbackId, status.ToWireName()), "feedback", feedbackId, cancellationToken);

    private async Task PostAsync(string path, string what, string correlationId, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.StartCardSpan("notify", correlationId, System.Diagnostics.ActivityKind.Client);
        try
        {
            using var response = await http.PostAsync(path, content: null, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, $"HTTP {(int)response.StatusCode}");
                logger.LogWarning("The Api answered {StatusCode} to the change notice of {What} {CorrelationId}; the client will see the change by polling",
                    (int)response.StatusCode, what, correlationId);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity.RecordError(ex);
            logger.LogWarning(ex, "Could not tell the Api that {What} {CorrelationId} changed; the client will see the change by polling", what, correlationId);
        }
    }
}
