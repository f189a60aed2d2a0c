using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Auth;

/// <summary>
/// Failed logins counted per user name and per client address (<see cref="LoginThrottleOptions"/>), across replicas
/// when Redis is configured. Checked before the credentials are compared, so a guesser past the limit learns nothing,
/// not even from a right guess.
/// </summary>
internal sealed class LoginThrottle(WindowCounts counts, IOptions<LoginThrottleOptions> options)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The limit the attempt is past, or null when it may go ahead.</summary>
    public ValueTask<WindowLimit?> FindFullAsync(HttpContext context, string? username) =>
        counts.TryTakeAsync(Limits(context, username), take: false);

    public ValueTask RecordFailureAsync(HttpContext context, string? username) => counts.AddAsync(Limits(context, username));

    private WindowLimit[] Limits(HttpContext context, string? username)
    {
        var settings = options.Value;
        return
        [
            new($"login:name:{Hash(username ?? "")}", settings.FailuresPerUsernamePerMinute, Minute,
                $"At most {settings.FailuresPerUsernamePerMinute} failed logins a minute are allowed for one user name"),
            new($"login:address:{ClientAddress.Of(context)}", settings.FailuresPerAddressPerMinute, Minute,
                $"At most {settings.FailuresPerAddressPerMinute} failed logins a minute are allowed from one address"),
        ];
    }

    /// <summary>User names are typed by anyone: the key holds a fixed-length hash, never the text.</summary>
    private static string Hash(string username) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username.Trim().ToUpperInvariant())))[..32];
}
