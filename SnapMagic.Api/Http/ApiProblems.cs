namespace SnapMagic.Api.Http;

/// <summary>The ProblemDetails answers the Api gives, worded for the attendee's page.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string detail, string title = "The request is not valid") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static IResult UnsupportedMediaType() => TypedResults.Problem(
        "Send the body as JSON with the header Content-Type: application/json.",
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");

    public static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        $"The request body is larger than {maxBytes} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");

    /// <summary>Unknown, malformed and other sessions' ids all get this same answer, so ids cannot be probed.</summary>
    public static IResult CardNotFound() => TypedResults.Problem(
        "There is no card with this id in your session.", statusCode: StatusCodes.Status404NotFound, title: "Card not found");

    /// <summary>As <see cref="CardNotFound"/>, for feedback ids.</summary>
    public static IResult FeedbackNotFound() => TypedResults.Problem(
        "There is no feedback with this id in your session.", statusCode: StatusCodes.Status404NotFound, title: "Feedback not found");

    public static IResult Unauthorized(string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
