namespace SnapMagic.Api.Auth;

/// <summary>
/// The organizers' own login (<c>Organizer:Username</c>, <c>Organizer:Password</c>): login hands out both roles, so the
/// organizer's credentials are checked here; the rest of the <c>Organizer</c> section belongs to the organizer feature.
/// </summary>
public sealed class OrganizerLoginOptions
{
    public const string Section = "Organizer";
    public const string DevelopmentUsername = "organizer";
    public const string DevelopmentPassword = "organizer";

    public string? Username { get; set; }
    public string? Password { get; set; }
}
