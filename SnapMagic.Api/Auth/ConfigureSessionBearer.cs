using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SnapMagic.Api.Auth;

/// <summary>
/// What JwtBearer accepts: the Api's own HS256 tokens only (issuer, audience, lifetime checked; unsigned and
/// other-algorithm tokens refused), with the claims kept under their JWT names so <c>sid</c> stays <c>sid</c>.
/// </summary>
internal sealed class ConfigureSessionBearer(IOptions<JwtOptions> jwt) : IConfigureNamedOptions<JwtBearerOptions>
{
    // The replicas that share the key may disagree a little on the time; JwtBearer's default slack is five minutes.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
            return;

        var settings = jwt.Value;
        options.MapInboundClaims = false;
        options.EventsType = typeof(SessionBearerEvents);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = settings.CreateSecurityKey(),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            NameClaimType = JwtRegisteredClaimNames.Sub,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
