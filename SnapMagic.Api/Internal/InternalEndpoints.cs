using SnapMagic.Contracts;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Api.Http;
using SnapMagic.Api.Hub;
using SnapMagic.Cards;

namespace SnapMagic.Api.Internal;

public static class InternalEndpoints
{
    /// <summary>
    /// The worker's "this card changed" call: the Api re-reads the job and pushes it to the card's group. With
    /// <c>?status=</c> (the status the worker wrote) it pushes only while the store still says so: a late notice,
    /// such as a redelivered copy's "processing" after another copy completed the card, pushes nothing, so every
    /// status reaches the browser once.
    /// </summary>
    public static IEndpointRouteBuilder MapInternalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(InternalApi.CardChangedRoute, CardChangedAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CardChangedAsync(
        string correlationId, string? status, HttpRequest request, IOptions<InternalOptions> options, CardUpdatePublisher publisher, CardViews views)
    {
        if (!FixedTimeText.AreEqual(request.Headers[InternalApi.KeyHeader].ToString(), options.Value.ApiKey))
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
        ApiTelemetry.TagCard(correlationId);

        var found = await publisher.PublishAsync(correlationId, views.PublicBaseFor(request), written, request.HttpContext.RequestAborted);
        return found ? TypedResults.NoContent() : ApiProblems.CardNotFound();
    }
}
