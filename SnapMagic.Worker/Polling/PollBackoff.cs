namespace SnapMagic.Worker.Polling;

/// <summary>
/// The pause before a poller's next receive. After failed receives it doubles from 2 s up to the maximum. After
/// an empty receive there is none when the receive long-polled (the wait was the pause); without long polling
/// it doubles from 100 ms up to 2 s, so an idle queue is not asked in a tight loop. Any answer resets the
/// error count; a receive that returned messages resets both.
/// </summary>
public sealed class PollBackoff(TimeSpan maxErrorBackoff, TimeSpan receiveWait)
{
    private static readonly TimeSpan FirstEmptyBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxEmptyBackoff = TimeSpan.FromSeconds(2);

    private int _errors;
    private int _empties;

    public TimeSpan AfterError()
    {
        _errors++;
        return Min(TimeSpan.FromSeconds(Math.Pow(2, Math.Min(_errors, 10))), maxErrorBackoff);
    }

    public TimeSpan AfterEmptyReceive()
    {
        _errors = 0;
        if (receiveWait > TimeSpan.Zero)
            return TimeSpan.Zero;
        _empties++;
        return Min(FirstEmptyBackoff * Math.Pow(2, Math.Min(_empties - 1, 10)), MaxEmptyBackoff);
    }

    public void AfterMessages()
    {
        _errors = 0;
        _empties = 0;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
