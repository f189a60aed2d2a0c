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
    /// <summary>The worker's "this card changed" call: the Api re-reads the job and pushes it to the card's group.</summary>
    public static IEndpointRouteBuilder MapInternalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/cards/{correlationId}/changed", CardChangedAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> CardChangedAsync(
        string correlationId, HttpRequest request, IOptions<InternalOptions> options, CardUpdatePublisher publisher, CardViews views)
    {
        if (!FixedTimeText.AreEqual(request.Headers[InternalOptions.KeyHeader].ToString(), options.Value.ApiKey))
            return ApiProblems.Unauthorized($"Missing or wrong {InternalOptions.KeyHeader} header.");
        if (!CorrelationIds.IsWellFormed(correlationId))
            return ApiProblems.CardNotFound();
        ApiTelemetry.TagCard(correlationId);

        var pushed = await publisher.PublishAsync(correlationId, views.PublicBaseFor(request), request.HttpContext.RequestAborted);
        return pushed ? TypedResults.NoContent() : ApiProblems.CardNotFound();
    }
}
