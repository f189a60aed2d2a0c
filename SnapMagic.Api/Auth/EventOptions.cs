namespace SnapMagic.Api.Auth;

/// <summary>The event's shared login (<c>Event:Username</c>, <c>Event:Password</c>).</summary>
public sealed class EventOptions
{
    public const string Section = "Event";
    public const string DevelopmentUsername = "demo";
    public const string DevelopmentPassword = "demo";

    public string? Username { get; set; }
    public string? Password { get; set; }
}
