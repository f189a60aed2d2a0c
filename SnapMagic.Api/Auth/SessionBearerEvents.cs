using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Auth;

/// <summary>
/// The Api's additions to JwtBearer: the hub's token may come in the <c>access_token</c> query (browsers cannot set
/// headers on WebSockets), a token must carry a session, and every refusal is a 401 ProblemDetails.
/// </summary>
internal sealed class SessionBearerEvents(IProblemDetailsService problems) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        var accessToken = context.Request.Query["access_token"];
        if (!string.IsNullOrEmpty(accessToken) && context.Request.Path.StartsWithSegments(CardsHubContract.Path))
            context.Token = accessToken;
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.Principal?.FindSessionId() is null)
            context.Fail("The token has no session id.");
        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        // RFC 6750: a request without a token gets the bare challenge, a refused token error="invalid_token".
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                // No token: ProblemDetailTexts supplies the "log in first" detail.
                Detail = context.AuthenticateFailure switch
                {
                    null => null,
                    SecurityTokenExpiredException => "Your session has expired; log in again.",
                    _ => "The token is not valid; log in again for a new one.",
                },
            },
        });
    }
}
