namespace SnapMagic.TestSupport.Api;

/// <summary>
/// The fields of the login answer a client keeps: its bearer token and its session. (The Api's LoginResponse is not in
/// SnapMagic.Contracts yet; once it is, this goes.)
/// </summary>
public sealed record ApiSession(string Token, string SessionId);
