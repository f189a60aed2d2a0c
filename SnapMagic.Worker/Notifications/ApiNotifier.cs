using SnapMagic.Contracts;
using Microsoft.Extensions.Logging;
using SnapMagic.Cards;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.Worker.Notifications;

/// <summary><c>POST {Api:InternalUrl}/internal/cards/{id}/changed?status=…</c> with the internal key; 204 expected.</summary>
public sealed class ApiNotifier(HttpClient http, ILogger<ApiNotifier> logger) : IApiNotifier
{
    public Task CardChangedAsync(string correlationId, CardStatus status, CancellationToken cancellationToken = default) =>
        PostAsync(correlationId, InternalApi.CardChangedPath(correlationId, status.ToWireName()), cancellationToken);

    public Task AnimationChangedAsync(string correlationId, CardAnimationStatus animation, CancellationToken cancellationToken = default) =>
        PostAsync(correlationId, InternalApi.CardChangedPath(correlationId, CardStatus.Completed.ToWireName(), animation.ToWireName()), cancellationToken);

    private async Task PostAsync(string correlationId, string path, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.StartCardSpan("notify", correlationId, System.Diagnostics.ActivityKind.Client);
        try
        {
            using var response = await http.PostAsync(path, content: null, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, $"HTTP {(int)response.StatusCode}");
                logger.LogWarning("The Api answered {StatusCode} to the change notice of card {CorrelationId}; the client will see the change by polling",
                    (int)response.StatusCode, correlationId);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity.RecordError(ex);
            logger.LogWarning(ex, "Could not tell the Api that card {CorrelationId} changed; the client will see the change by polling", correlationId);
        }
    }
}
