namespace SnapMagic.Api.Animations;

/// <summary>
/// Section <c>Animations</c>: how many card animations may be asked for (each limit: 0 turns it off). A video costs far
/// more than a picture (Organizer:PricePerVideoUsd), so the defaults are tight.
/// </summary>
public sealed class AnimationOptions
{
    public const string Section = "Animations";

    /// <summary>New animations one session may ask for per <see cref="PerSessionWindowMinutes"/>.</summary>
    public int PerSession { get; set; } = 2;

    public int PerSessionWindowMinutes { get; set; } = 10;

    /// <summary>The event's budget: new animations per hour, all sessions together.</summary>
    public int EventPerHour { get; set; } = 20;

    /// <summary>The event's budget: new animations per UTC day, all sessions together.</summary>
    public int EventPerDay { get; set; } = 100;
}
