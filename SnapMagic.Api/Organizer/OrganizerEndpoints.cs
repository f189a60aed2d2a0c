using SnapMagic.Api.Cards;
using SnapMagic.Contracts;
using SnapMagic.Feedback;
using SnapMagic.Storage;

namespace SnapMagic.Api.Organizer;

/// <summary>The organizer's view of the event: figures, the CSVs of every card and every feedback answer, the latest finished cards.</summary>
public static class OrganizerEndpoints
{
    public const string Tag = "Organizer";

    public const int GalleryLimit = 12;

    public static IEndpointRouteBuilder MapOrganizerEndpoints(this IEndpointRouteBuilder app)
    {
        var organizer = app.MapGroup("").RequireAuthorization(OrganizerAuthorization.PolicyName)
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        organizer.MapGet(ApiRoutes.OrganizerSummary, SummaryAsync)
            .WithName("GetOrganizerSummary").WithSummary("The event so far: cards, timings, queue, ratings, animations, feedback and cost")
            .Produces<OrganizerSummary>();
        organizer.MapGet(ApiRoutes.OrganizerCardsCsv, Csv)
            .WithName("GetOrganizerCardsCsv").WithSummary("Every card of the event as CSV")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv");
        organizer.MapGet(ApiRoutes.OrganizerFeedbackCsv, FeedbackCsvAnswer)
            .WithName("GetOrganizerFeedbackCsv").WithSummary("Every feedback answer of the event as CSV (no session ids)")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv");
        organizer.MapGet(ApiRoutes.OrganizerLatestCards, LatestAsync)
            .WithName("ListLatestCompletedCards").WithSummary($"The event's latest finished cards, at most {GalleryLimit}")
            .Produces<IReadOnlyList<CardView>>();
        return app;
    }

    private static async Task<IResult> SummaryAsync(OrganizerSummaries summaries, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await summaries.CreateAsync(context.RequestAborted));
    }

    private static IResult Csv(IJobStore store, HttpContext context) => TypedResults.Stream(
        body => CardsCsv.WriteAsync(body, store.ListAllAsync(context.RequestAborted), context.RequestAborted),
        CardsCsv.ContentType,
        CardsCsv.FileName);

    private static IResult FeedbackCsvAnswer(IFeedbackStore feedback, HttpContext context) => TypedResults.Stream(
        body => FeedbackCsv.WriteAsync(body, feedback.ListAllAsync(context.RequestAborted), context.RequestAborted),
        CardsCsv.ContentType,
        FeedbackCsv.FileName);

    /// <summary>With image links that need no header, as the attendee's own cards have.</summary>
    private static async Task<IResult> LatestAsync(IJobStore store, CardViews views, HttpRequest request)
    {
        var jobs = await store.ListLatestCompletedAsync(GalleryLimit, request.HttpContext.RequestAborted);
        return TypedResults.Ok(views.CreateList(jobs, request));
    }
}
