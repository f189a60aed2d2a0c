using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SnapMagic.UnitTests.Worker;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test about every timer the code under test starts, so the test
/// advances the clock only once the code waits on it, and sees how long it means to wait.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started (waits for it, up to 20 s).</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
}
