namespace SnapMagic.TestSupport;

/// <summary>The system clock plus an offset the test moves forward, so time can pass (a lease run out, a card take seconds) without waiting.</summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
