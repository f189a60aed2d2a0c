using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SnapMagic.Api.Auth;

/// <summary>Session tokens: HS256 with <c>Jwt:SigningKey</c> (at least 32 bytes of UTF-8).</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;
    public const string DevelopmentSigningKey = "snapmagic-development-signing-key-not-for-production";

    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "snapmagic-api";
    public string Audience { get; set; } = "snapmagic";
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    internal bool HasLongEnoughKey => string.IsNullOrEmpty(SigningKey) || Encoding.UTF8.GetByteCount(SigningKey) >= MinimumKeyBytes;

    internal SymmetricSecurityKey CreateSecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey!));
}
