namespace SnapMagic.Contracts;

/// <summary>The body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Username, string? Password);

/// <param name="ExpiresIn">Seconds until the token expires.</param>
/// <param name="Role"><c>attendee</c> or <c>organizer</c>.</param>
public sealed record LoginResponse(string Token, int ExpiresIn, string SessionId, string Role);
