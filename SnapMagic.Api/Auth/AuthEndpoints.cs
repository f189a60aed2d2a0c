using Microsoft.Extensions.Options;
using SnapMagic.Api.Http;

namespace SnapMagic.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", LoginAsync).AllowAnonymous()
            .WithTags("Auth").WithName("Login").WithSummary("Start a session with the event's shared login")
            .Accepts<LoginRequest>("application/json")
            .Produces<LoginResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpRequest request, IOptions<EventOptions> eventOptions, SessionTokens tokens)
    {
        var (login, problem) = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.LoginRequest);
        if (problem is not null)
            return problem;

        var expected = eventOptions.Value;
        // Both compared every time (non-short-circuit &), so the answer takes as long whichever one is wrong.
        var matches = FixedTimeText.AreEqual(login!.Username, expected.Username) & FixedTimeText.AreEqual(login.Password, expected.Password);
        if (!matches)
            return ApiProblems.Unauthorized("Wrong username or password.");

        var (token, sessionId) = tokens.Issue(expected.Username!);
        return TypedResults.Ok(new LoginResponse(token, (int)tokens.Lifetime.TotalSeconds, sessionId));
    }
}
