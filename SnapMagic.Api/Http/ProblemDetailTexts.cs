namespace SnapMagic.Api.Http;

/// <summary>
/// A detail for the ProblemDetails the framework writes on its own (the 401 challenge, an unknown route, a wrong
/// method), which carry only a title; answers that already have a detail keep theirs.
/// </summary>
internal static class ProblemDetailTexts
{
    public static void AddMissingDetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status401Unauthorized =>
                "Log in first and send the token as 'Authorization: Bearer <token>'; expired and unknown tokens are refused.",
            StatusCodes.Status403Forbidden => "This request is not allowed.",
            StatusCodes.Status404NotFound => "There is nothing at this address.",
            StatusCodes.Status405MethodNotAllowed => $"This address does not accept {context.HttpContext.Request.Method} requests.",
            >= 400 and < 500 => "The request could not be served as it was sent.",
            _ => "Something went wrong on our side; please try again.",
        };
    }
}
