namespace SnapMagic.Api.Feedback;

/// <summary>Section <c>Feedback</c>: how much feedback may be sent (each limit: 0 turns it off). Each answer costs a speech and a text model call on AWS.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Answers one session may send per <see cref="PerSessionWindowMinutes"/>.</summary>
    public int PerSession { get; set; } = 5;

    public int PerSessionWindowMinutes { get; set; } = 10;

    /// <summary>The event's budget: answers accepted per hour, all sessions together.</summary>
    public int EventPerHour { get; set; } = 600;
}
