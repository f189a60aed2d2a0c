using System.Security.Claims;
using Microsoft.OpenApi;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Http;
using SnapMagic.Api.Hub;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Storage;

namespace SnapMagic.Api.Animations;

/// <summary>
/// POST /api/cards/{id}/animation: the owner turns a finished card into a short video, once (asking again answers the same
/// animation); its progress is the card's <c>animation</c>, pushed with cardUpdated. GET …/animation/video serves the video.
/// </summary>
public static class AnimationEndpoints
{
    public const string Tag = "Animations";

    public static IEndpointRouteBuilder MapAnimationEndpoints(this IEndpointRouteBuilder app)
    {
        var animations = app.MapGroup(ApiRoutes.Cards + "/{correlationId}/animation").RequireAuthorization()
            .WithTags(Tag).ProducesProblem(StatusCodes.Status401Unauthorized);
        animations.MapPost("/", RequestAsync)
            .WithName("AnimateCard").WithSummary("Animate a finished card (once per card; asking again answers the same animation)")
            .Produces<CardAnimationView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "The card's address, /api/cards/{correlationId}: its animation shows the progress.")
            .WithResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds until the limit the answer names lets an animation through again.");
        // Anonymous at the routing level: a valid signed link is enough, otherwise the Bearer owner is checked inside.
        animations.MapGet("/video", GetVideoAsync).AllowAnonymous()
            .WithName("GetCardAnimationVideo").WithSummary("A finished animation's video, to the card's owner or through the signed videoUrl; byte ranges served")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4", "image/webp")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "video/mp4", "image/webp")
            .Produces(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithImageLinkParameters("videoUrl")
            .WithOptionalParameter(ParameterLocation.Header, "Range", "A byte range (bytes=start-end), as a video element asks when it seeks; answered 206.")
            .WithResponseHeader(StatusCodes.Status200OK, "Accept-Ranges", "bytes: the video may be asked for in ranges.");
        return app;
    }

    private static async Task<IResult> RequestAsync(
        string correlationId, HttpRequest request, ClaimsPrincipal user, IJobStore store, AnimationLimits limits, AnimationRequests requests,
        CardViews views, CardUpdatePublisher publisher, TimeProvider time)
    {
        var job = await CardEndpoints.FindOwnedAsync(correlationId, user, store, request.HttpContext.RequestAborted);
        if (job is null)
            return ApiProblems.CardNotFound();
        var publicBase = views.PublicBaseFor(request);
        // Asked before: the same animation, nothing new made and no limit taken (a failed one stays failed, its reason shown).
        if (job.Animation is { } existing)
        {
            await requests.ResendIfStalledAsync(job.CorrelationId, existing);
            return Accepted(job.CorrelationId, views.CreateAnimation(job.CorrelationId, existing, publicBase));
        }
        if (job.Status != CardStatus.Completed)
            return NotFinished(job.Status);

        if (await limits.TryTakeAsync(user.GetSessionId()) is { } full)
            return TooManyRequests.Problem(request.HttpContext.Response, full, time.GetUtcNow());

        var (outcome, requested) = await requests.RequestAsync(job.CorrelationId);
        switch (outcome)
        {
            case AnimationOutcome.NotFinished:
                return NotFinished(job.Status);
            case AnimationOutcome.QueueUnavailable:
                // The attendee's other tabs learn why too; this one reads it in the answer.
                await publisher.PushAsync(requested!, publicBase, CancellationToken.None);
                return TypedResults.Problem(AnimationRequests.QueueFailedMessage, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Queue unavailable");
            case AnimationOutcome.Queued:
                await publisher.PushAsync(requested!, publicBase, CancellationToken.None);
                break;
        }
        return Accepted(job.CorrelationId, views.CreateAnimation(job.CorrelationId, requested!.Animation!, publicBase));
    }

    private static async Task<IResult> GetVideoAsync(
        string correlationId, HttpContext context, IJobStore store, IImageStore blobs, ImageLinks links)
    {
        var query = context.Request.Query;
        CardJob? job;
        if (query.ContainsKey("sig"))
        {
            if (!CorrelationIds.IsWellFormed(correlationId) || !links.IsValid(correlationId, query["expires"], query["sig"], SignedLinkPurpose.AnimationVideo))
                return TypedResults.Problem("The video link is not valid or has expired; reload the card for a fresh one.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Video link not valid");
            job = await store.GetAsync(correlationId, context.RequestAborted);
        }
        else if (context.User.FindSessionId() is null)
        {
            return TypedResults.Challenge();
        }
        else
        {
            job = await CardEndpoints.FindOwnedAsync(correlationId, context.User, store, context.RequestAborted);
        }

        if (job?.Animation is not { Status: CardAnimationStatus.Completed, VideoKey: { } videoKey, VideoContentType: { } contentType } animation)
            return NoVideo();
        var video = await blobs.OpenReadAsync(videoKey, context.RequestAborted);
        if (video is null)
            return NoVideo();

        // The video of a finished animation never changes; it belongs to one session, so only the browser may keep it.
        context.Response.Headers.CacheControl = "private, max-age=3600, immutable";
        var downloadName = query["download"] == "1" ? CardAnimation.DownloadFileName(job.CorrelationId, contentType) : null;
        return TypedResults.Stream(video, contentType, downloadName, animation.FinishedAt, enableRangeProcessing: true);
    }

    private static IResult Accepted(string correlationId, CardAnimationView animation) =>
        TypedResults.Accepted(ApiRoutes.Card(correlationId), animation);

    private static IResult NotFinished(CardStatus status) => TypedResults.Problem(
        $"Only a finished card can be animated; this one is {status.ToWireName()}.",
        statusCode: StatusCodes.Status409Conflict, title: "Card not finished");

    private static IResult NoVideo() => TypedResults.Problem(
        "This card has no finished animation in your session.", statusCode: StatusCodes.Status404NotFound, title: "Video not found");
}
