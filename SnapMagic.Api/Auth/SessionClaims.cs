using System.Security.Claims;

namespace SnapMagic.Api.Auth;

/// <summary>Every login is a new session; the session, not the shared user name, owns cards.</summary>
internal static class SessionClaims
{
    public const string SessionId = "sid";
    /// <summary><see cref="Roles.Attendee"/> or <see cref="Roles.Organizer"/>.</summary>
    public const string Role = "role";

    public static string? FindSessionId(this ClaimsPrincipal user) => user.FindFirst(SessionId)?.Value;

    /// <summary>The session of an authenticated caller (endpoints that require authorization always have one).</summary>
    public static string GetSessionId(this ClaimsPrincipal user) =>
        user.FindSessionId() ?? throw new InvalidOperationException("The caller has no session id claim.");
}
