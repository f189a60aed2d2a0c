using System.Security.Claims;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Http;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Feedback;

/// <summary>
/// POST /api/feedback: an attendee's spoken (a recording) or typed answer to "How do you rate this app?", accepted at once
/// and transcribed and scored by the worker pool; GET /api/feedback/{id}: its owner follows it (or on the hub, SubscribeFeedback).
/// </summary>
public static class FeedbackEndpoints
{
    public const string Tag = "Feedback";

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup(ApiRoutes.Feedback).RequireAuthorization()
            .WithTags(Tag).ProducesProblem(StatusCodes.Status401Unauthorized);
        feedback.MapPost("/", SubmitAsync)
            .WithName("SubmitFeedback").WithSummary("Send a spoken (audio/webm, audio/wav) or typed (JSON) answer; it is transcribed and scored as a job")
            .Accepts<TypedFeedbackRequest>(FeedbackLimits.TypedContentType, FeedbackLimits.WebmContentType, FeedbackLimits.WavContentType)
            .WithRecordingBodies()
            .Produces<FeedbackAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "The feedback's address, /api/feedback/{feedbackId}.")
            .WithResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds until the limit the answer names lets an answer through again.");
        feedback.MapGet("/{feedbackId}", GetAsync)
            .WithName("GetFeedback").WithSummary("One feedback answer of the session: its transcript and sentiment once done")
            .Produces<FeedbackView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The recordings are bytes, not the typed answer's JSON the <c>Accepts</c> above gives every type.</summary>
    private static RouteHandlerBuilder WithRecordingBodies(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody is OpenApiRequestBody { Content: { } content } body)
            {
                foreach (var type in new[] { FeedbackLimits.WebmContentType, FeedbackLimits.WavContentType })
                {
                    content[type] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Format = "binary",
                            Description = $"The recording as the browser made it, at most {FeedbackLimits.MaxRecordingSeconds} s and {FeedbackLimits.MaxRecordingBytes} bytes; its first bytes must match the type.",
                        },
                    };
                }
                body.Description = "A recording (audio/webm with Opus, or audio/wav) or a typed answer (application/json).";
                body.Required = true;
            }
            return Task.CompletedTask;
        });

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, FeedbackIntake intake, FeedbackSpendLimits limits, TimeProvider time)
    {
        var (body, problem) = await FeedbackBodies.ReadAsync(request);
        if (problem is not null)
            return problem;
        var sessionId = user.GetSessionId();
        if (await limits.TryTakeAsync(sessionId) is { } full)
            return TooManyRequests.Problem(request.HttpContext.Response, full, time.GetUtcNow());

        var (item, queued) = await intake.AcceptAsync(sessionId, body!);
        if (!queued)
            return TypedResults.Problem(FeedbackIntake.QueueFailedMessage, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Queue unavailable");
        return TypedResults.Accepted(ApiRoutes.FeedbackItem(item.FeedbackId), new FeedbackAccepted(item.FeedbackId, item.Status.ToWireName()));
    }

    private static async Task<IResult> GetAsync(string feedbackId, ClaimsPrincipal user, IFeedbackStore store, HttpContext context)
    {
        var item = await FindOwnedAsync(feedbackId, user, store, context.RequestAborted);
        return item is null ? ApiProblems.FeedbackNotFound() : TypedResults.Ok(FeedbackViews.Create(item));
    }

    /// <summary>The session's feedback, or null for unknown, malformed and other sessions' ids alike.</summary>
    internal static async Task<FeedbackItem?> FindOwnedAsync(string? feedbackId, ClaimsPrincipal? user, IFeedbackStore store, CancellationToken cancellationToken)
    {
        if (!CorrelationIds.IsWellFormed(feedbackId))
            return null;
        var item = await store.GetAsync(feedbackId!, cancellationToken);
        return item is not null && item.SessionId == user?.FindSessionId() ? item : null;
    }
}
