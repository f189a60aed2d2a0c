namespace SnapMagic.Api.Auth;

/// <summary>The <see cref="SessionClaims.Role"/> a login gets: the event's attendees or its organizers.</summary>
public static class Roles
{
    public const string Attendee = "attendee";
    public const string Organizer = "organizer";
}
