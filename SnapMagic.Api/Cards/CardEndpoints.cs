using System.Security.Claims;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Http;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;
using SnapMagic.Cards;
using SnapMagic.Storage;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Cards;

public static class CardEndpoints
{
    public const string Tag = "Cards";

    private const int ListLimit = 100;

    public static IEndpointRouteBuilder MapCardEndpoints(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup(ApiRoutes.Cards).RequireAuthorization()
            .WithTags(Tag).ProducesProblem(StatusCodes.Status401Unauthorized);
        cards.MapPost("/", CreateAsync).RequireRateLimiting(CardRateLimiting.PolicyName)
            .WithName("CreateCard").WithSummary("Ask for a card; its status follows on the hub and at the Location")
            .Accepts<CreateCardRequest>("application/json")
            .Produces<CardAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithIdempotencyKeyHeader()
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "The card's address, /api/cards/{correlationId}.")
            .WithResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds until the limit the answer names lets a card through again.");
        cards.MapGet("/", ListAsync)
            .WithName("ListCards").WithSummary("The session's cards, newest first")
            .Produces<IReadOnlyList<CardView>>();
        cards.MapGet("/{correlationId}", GetAsync)
            .WithName("GetCard").WithSummary("One card of the session")
            .Produces<CardView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        // Anonymous at the routing level: a valid signed link is enough, otherwise the Bearer owner is checked inside.
        cards.MapGet("/{correlationId}/image", GetImageAsync).AllowAnonymous()
            .WithName("GetCardImage").WithSummary("A completed card's PNG, to its owner or through the signed imageUrl")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithImageLinkParameters();
        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, CardIntake intake, CardSpendLimits limits, TimeProvider time)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.CreateCardRequest);
        if (problem is not null)
            return problem;
        var (prompt, promptError) = PromptRules.Validate(body!.Prompt);
        if (prompt is null)
            return ApiProblems.BadRequest(promptError!, "Prompt not accepted");
        var (idempotencyKey, keyError) = IdempotencyKeys.Read(request);
        if (keyError is not null)
            return ApiProblems.BadRequest(keyError, "Idempotency-Key not accepted");

        if (await limits.TryTakeAsync(request.HttpContext) is { } full)
            return TooManyRequests.Problem(request.HttpContext.Response, full, time.GetUtcNow());

        var (outcome, job) = await intake.AcceptAsync(user.GetSessionId(), prompt, idempotencyKey);
        // A key stands for one request: reused with another prompt it is a client bug, not a retry, and answering
        // the first card would show the attendee a card for a prompt they did not send this time.
        if (outcome == AcceptOutcome.Replayed && job.Prompt != prompt)
            return TypedResults.Problem(
                $"This {IdempotencyKeys.Header} was already used for a card with another prompt; send a new key for a new prompt.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");
        if (outcome == AcceptOutcome.QueueUnavailable)
            return TypedResults.Problem(CardIntake.QueueFailedMessage, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Queue unavailable");
        // No push of "queued": the id is new, so no connection can have subscribed to it yet; Subscribe's snapshot has it.
        return TypedResults.Accepted(ApiRoutes.Card(job.CorrelationId), new CardAccepted(job.CorrelationId, job.Status.ToWireName()));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, IJobStore store, CardViews views)
    {
        var jobs = await store.ListBySessionAsync(user.GetSessionId(), ListLimit, request.HttpContext.RequestAborted);
        return TypedResults.Ok(views.CreateList(jobs, request));
    }

    private static async Task<IResult> GetAsync(string correlationId, HttpRequest request, ClaimsPrincipal user, IJobStore store, CardViews views)
    {
        var job = await FindOwnedAsync(correlationId, user, store, request.HttpContext.RequestAborted);
        return job is null
            ? ApiProblems.CardNotFound()
            : TypedResults.Ok(await views.CreateWithQueuePositionAsync(job, views.PublicBaseFor(request), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> GetImageAsync(
        string correlationId, HttpContext context, IJobStore store, IImageStore images, ImageLinks links)
    {
        var query = context.Request.Query;
        CardJob? job;
        if (query.ContainsKey("sig"))
        {
            if (!CorrelationIds.IsWellFormed(correlationId) || !links.IsValid(correlationId, query["expires"], query["sig"]))
                return TypedResults.Problem("The image link is not valid or has expired; reload the card for a fresh one.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Image link not valid");
            job = await store.GetAsync(correlationId, context.RequestAborted);
        }
        else if (context.User.FindSessionId() is null)
        {
            return TypedResults.Challenge();
        }
        else
        {
            job = await FindOwnedAsync(correlationId, context.User, store, context.RequestAborted);
        }

        if (job is not { Status: CardStatus.Completed, ImageKey: { } imageKey })
            return ApiProblems.CardNotFound();
        var png = await images.OpenReadAsync(imageKey, context.RequestAborted);
        if (png is null)
            return ApiProblems.CardNotFound();

        // The PNG behind a completed card never changes; it belongs to one session, so only the browser may keep it.
        context.Response.Headers.CacheControl = "private, max-age=3600, immutable";
        var downloadName = query["download"] == "1" ? CardJob.DownloadFileName(correlationId) : null;
        return TypedResults.Stream(png, "image/png", downloadName);
    }

    /// <summary>The session's card, or null for unknown, malformed and other sessions' ids alike.</summary>
    internal static async Task<CardJob?> FindOwnedAsync(string correlationId, ClaimsPrincipal user, IJobStore store, CancellationToken cancellationToken)
    {
        if (!CorrelationIds.IsWellFormed(correlationId))
            return null;
        var job = await store.GetAsync(correlationId, cancellationToken);
        return job is not null && job.SessionId == user.FindSessionId() ? job : null;
    }
}
