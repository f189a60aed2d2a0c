using Microsoft.Extensions.Options;
using SnapMagic.Api.Http;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Auth;

public static class AuthEndpoints
{
    public const string Tag = "Auth";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Login, LoginAsync).AllowAnonymous()
            .WithTags(Tag).WithName("Login").WithSummary("Start a session with the event's shared login")
            .Accepts<LoginRequest>("application/json")
            .Produces<LoginResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds until logins are accepted again.");
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpRequest request, IOptions<EventOptions> eventOptions, IOptions<OrganizerLoginOptions> organizerOptions, SessionTokens tokens,
        LoginThrottle throttle, TimeProvider time)
    {
        var (login, problem) = await JsonRequestBody.ReadAsync(request, AuthJsonContext.Default.LoginRequest);
        if (problem is not null)
            return problem;
        if (await throttle.FindFullAsync(request.HttpContext, login!.Username) is { } full)
            return TooManyRequests.Problem(request.HttpContext.Response, full, time.GetUtcNow());

        var attendee = eventOptions.Value;
        var organizer = organizerOptions.Value;
        // Both logins compared every time (non-short-circuit |), so the answer takes as long whichever matches.
        var isOrganizer = Matches(login!, organizer.Username, organizer.Password);
        var isAttendee = Matches(login!, attendee.Username, attendee.Password);
        var (username, role) = isOrganizer ? (organizer.Username!, Roles.Organizer)
            : isAttendee ? (attendee.Username!, Roles.Attendee)
            : (null, null);
        if (role is null)
        {
            await throttle.RecordFailureAsync(request.HttpContext, login.Username);
            return ApiProblems.Unauthorized("Wrong username or password.");
        }

        var (token, sessionId) = tokens.Issue(username!, role);
        return TypedResults.Ok(new LoginResponse(token, (int)tokens.Lifetime.TotalSeconds, sessionId, role));
    }

    // Both compared every time (non-short-circuit &), so the answer takes as long whichever one is wrong.
    private static bool Matches(LoginRequest login, string? username, string? password) =>
        FixedTimeText.AreEqual(login.Username, username) & FixedTimeText.AreEqual(login.Password, password);
}
