using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SnapMagic.Cards;

namespace SnapMagic.Api.Auth;

/// <summary>Issues and checks the session JWTs (HS256, issuer and audience checked, unsigned tokens refused).</summary>
internal sealed class SessionTokens
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly JwtOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;

    public SessionTokens(IOptions<JwtOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_options.SigningKey!));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = JwtRegisteredClaimNames.Sub,
        };
    }

    public TimeSpan Lifetime => _options.Lifetime;

    public (string Token, string SessionId) Issue(string username, string role)
    {
        var sessionId = CorrelationIds.New();
        var now = _time.GetUtcNow().UtcDateTime;
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

    /// <summary>The token's identity, or null with the reason when the token is not valid.</summary>
    public async Task<(ClaimsIdentity? Identity, string? Failure)> ValidateAsync(string token, string authenticationType)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
            return (null, result.Exception?.GetType().Name ?? "invalid token");
        var identity = new ClaimsIdentity(result.ClaimsIdentity.Claims, authenticationType, JwtRegisteredClaimNames.Sub, null);
        return identity.FindFirst(SessionClaims.SessionId) is null ? (null, "token has no session id") : (identity, null);
    }
}
