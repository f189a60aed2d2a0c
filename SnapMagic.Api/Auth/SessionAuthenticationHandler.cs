using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SnapMagic.Api.Auth;

/// <summary>
/// Bearer authentication with <see cref="SessionTokens"/>: the token comes from the Authorization header, or
/// from the <c>access_token</c> query parameter on hub paths (browsers cannot set headers on WebSockets).
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SnapMagicSession";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
            return AuthenticateResult.NoResult();

        var (identity, failure) = await tokens.ValidateAsync(token, SchemeName);
        return identity is null
            ? AuthenticateResult.Fail(failure ?? "invalid token")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private string? ReadToken()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;

        if (Request.Path.StartsWithSegments("/hubs") && Request.Query["access_token"] is [{ Length: > 0 } queryToken])
            return queryToken;

        return null;
    }
}
