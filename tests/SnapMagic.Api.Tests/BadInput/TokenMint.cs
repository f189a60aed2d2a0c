using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SnapMagic.Api.Auth;
using SnapMagic.Cards;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>
/// Tokens signed with the real development key but wrong in one way the validator must catch. The refused tokens
/// AuthTests already mints (expired, wrong key, issuer, audience, alg none, garbage) come from <see cref="AuthTests.RefusedTokens"/>.
/// </summary>
internal static class TokenMint
{
    public static string Refused(string why) =>
        (string)AuthTests.RefusedTokens().Single(row => (string)row[0] == why)[1];

    public static string WithoutSessionId() => Sign(SecurityAlgorithms.HmacSha256, d => d.Claims.Remove(SessionClaims.SessionId));

    public static string NotYetValid() => Sign(SecurityAlgorithms.HmacSha256, d =>
    {
        d.NotBefore = DateTime.UtcNow.AddHours(1);
        d.Expires = DateTime.UtcNow.AddHours(2);
    });

    /// <summary>Signed with the right key but HS384, which the Api does not accept.</summary>
    public static string OtherAlgorithm() => Sign(SecurityAlgorithms.HmacSha384, _ => { });

    private static string Sign(string algorithm, Action<SecurityTokenDescriptor> spoil)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "snapmagic-api",
            Audience = "snapmagic",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtOptions.DevelopmentSigningKey)), algorithm),
            Claims = new Dictionary<string, object> { [SessionClaims.SessionId] = CorrelationIds.New(), ["sub"] = "demo" },
        };
        spoil(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
