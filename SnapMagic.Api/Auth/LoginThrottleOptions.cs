namespace SnapMagic.Api.Auth;

/// <summary>
/// Section <c>Login</c>: failed logins allowed per minute before further attempts get 429 until the minute ends (0: no
/// limit). Only failures count: hundreds of attendees log in with the one event login, often from one address.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Login";

    public int FailuresPerUsernamePerMinute { get; set; } = 10;
    public int FailuresPerAddressPerMinute { get; set; } = 30;
}
