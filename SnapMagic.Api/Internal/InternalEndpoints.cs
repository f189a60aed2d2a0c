using SnapMagic.Contracts;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Api.Http;
using SnapMagic.Api.Hub;
using SnapMagic.Cards;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Internal;

public static class InternalEndpoints
{
    /// <summary>
    /// The worker's "this card changed" call: the Api re-reads the job and pushes it to the card's group. With
    /// <c>?status=</c> (the status the worker wrote) it pushes only while the store still says so: a late notice,
    /// such as a redelivered copy's "processing" after another copy completed the card, pushes nothing, so every
    /// status reaches the browser once. <c>&amp;animation=</c> does the same for the card's animation status. The
    /// feedback notice works the same way for feedback items.
    /// </summary>
    public static IEndpointRouteBuilder MapInternalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(InternalApi.CardChangedRoute, CardChangedAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(InternalApi.FeedbackChangedRoute, FeedbackChangedAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CardChangedAsync(
        string correlationId, string? status, string? animation, HttpRequest request, IOptions<InternalOptions> options,
        CardUpdatePublisher publisher, CardViews views)
    {
        if (!HasKey(request, options))
            return ApiProblems.Unauthorized($"Missing or wrong {InternalApi.KeyHeader} header.");
        if (!CorrelationIds.IsWellFormed(correlationId))
            return ApiProblems.CardNotFound();
        CardStatus? written = null;
        if (status is not null)
        {
            if (!CardStatusExtensions.TryParseWireName(status, out var parsed))
                return ApiProblems.BadRequest("status must be queued, processing, completed or failed.", "Unknown card status");
            written = parsed;
        }
        CardAnimationStatus? writtenAnimation = null;
        if (animation is not null)
        {
            if (!CardAnimationStatusExtensions.TryParseWireName(animation, out var parsed))
                return ApiProblems.BadRequest("animation must be queued, processing, completed or failed.", "Unknown animation status");
            writtenAnimation = parsed;
        }
        ApiTelemetry.TagCard(correlationId);

        var found = await publisher.PublishAsync(correlationId, views.PublicBaseFor(request), written, writtenAnimation, request.HttpContext.RequestAborted);
        return found ? TypedResults.NoContent() : ApiProblems.CardNotFound();
    }

    private static async Task<IResult> FeedbackChangedAsync(
        string feedbackId, string? status, HttpRequest request, IOptions<InternalOptions> options, FeedbackUpdatePublisher publisher)
    {
        if (!HasKey(request, options))
            return ApiProblems.Unauthorized($"Missing or wrong {InternalApi.KeyHeader} header.");
        if (!CorrelationIds.IsWellFormed(feedbackId))
            return ApiProblems.FeedbackNotFound();
        FeedbackStatus? written = null;
        if (status is not null)
        {
            if (!FeedbackWireNames.TryParseStatus(status, out var parsed))
                return ApiProblems.BadRequest("status must be queued, processing, completed or failed.", "Unknown feedback status");
            written = parsed;
        }

        var found = await publisher.PublishAsync(feedbackId, written, request.HttpContext.RequestAborted);
        return found ? TypedResults.NoContent() : ApiProblems.FeedbackNotFound();
    }

    private static bool HasKey(HttpRequest request, IOptions<InternalOptions> options) =>
        FixedTimeText.AreEqual(request.Headers[InternalApi.KeyHeader].ToString(), options.Value.ApiKey);
}
