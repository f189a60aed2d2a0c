using System.Security.Claims;
using SnapMagic.Api.Http;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Storage;

namespace SnapMagic.Api.Cards;

/// <summary>PUT /api/cards/{id}/rating: the owner's thumbs up or down on a completed card, changeable, with how it was given (buttons or a gesture).</summary>
public static class CardRatingEndpoints
{
    public static IEndpointRouteBuilder MapCardRatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut(ApiRoutes.Cards + "/{correlationId}/rating", RateAsync).RequireAuthorization()
            .WithTags(CardEndpoints.Tag).WithName("RateCard").WithSummary("The owner's thumbs up or down on a completed card")
            .Accepts<RateCardRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> RateAsync(string correlationId, HttpRequest request, ClaimsPrincipal user, IJobStore store)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        // Ownership first, as for reads: another session's card is "not found" whatever the body says.
        var job = await CardEndpoints.FindOwnedAsync(correlationId, user, store, cancellationToken);
        if (job is null)
            return ApiProblems.CardNotFound();

        var (body, problem) = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.RateCardRequest);
        if (problem is not null)
            return problem;
        if (!CardRatingExtensions.TryParseWireName(body!.Rating, out var rating))
            return ApiProblems.BadRequest("Send {\"rating\":\"up\"} or {\"rating\":\"down\"}.", "Rating not accepted");
        if (!RatingSourceExtensions.TryParseWireName(body.Source, out var source))
            return ApiProblems.BadRequest("source must be \"button\" or \"gesture\" (or left out, which means button).", "Rating source not accepted");
        if (job.Status != CardStatus.Completed || await store.TryRateAsync(correlationId, rating, source, cancellationToken) is null)
            return ApiProblems.BadRequest("Only a finished card can be rated; this one is " + job.Status.ToWireName() + ".", "Card not finished");
        return TypedResults.NoContent();
    }
}
