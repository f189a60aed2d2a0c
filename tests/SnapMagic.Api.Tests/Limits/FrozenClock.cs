namespace SnapMagic.Api.Tests.Limits;

/// <summary>
/// A clock that stands at the start of a minute until the test moves it, so a limit's window never ends mid-test. Not in
/// the last ten minutes of a UTC day (a test may move it a few minutes), and never ahead of the real clock, which checks
/// the session tokens it stamps.
/// </summary>
public sealed class FrozenClock : TimeProvider
{
    private DateTimeOffset _now = Start(DateTimeOffset.UtcNow);

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;

    private static DateTimeOffset Start(DateTimeOffset now)
    {
        var minute = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60);
        return minute.TimeOfDay >= TimeSpan.FromHours(23).Add(TimeSpan.FromMinutes(50)) ? minute.AddMinutes(-15) : minute;
    }
}
