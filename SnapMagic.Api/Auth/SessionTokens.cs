using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SnapMagic.Cards;

namespace SnapMagic.Api.Auth;

/// <summary>Issues the session JWTs (HS256) at login; <see cref="ConfigureSessionBearer"/> checks them on the way in.</summary>
internal sealed class SessionTokens(IOptions<JwtOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly JwtOptions _options = options.Value;
    private readonly SigningCredentials _credentials = new(options.Value.CreateSecurityKey(), SecurityAlgorithms.HmacSha256);

    public TimeSpan Lifetime => _options.Lifetime;

    public (string Token, string SessionId) Issue(string username, string role)
    {
        var sessionId = CorrelationIds.New();
        var now = time.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.Lifetime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = username,
                [SessionClaims.SessionId] = sessionId,
                [SessionClaims.Role] = role,
                [JwtRegisteredClaimNames.Jti] = CorrelationIds.New(),
            },
        });
        return (token, sessionId);
    }
}
