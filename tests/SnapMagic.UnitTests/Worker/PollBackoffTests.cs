using SnapMagic.Worker.Polling;

namespace SnapMagic.UnitTests.Worker;

public sealed class PollBackoffTests
{
    [Fact]
    public void Failed_receives_double_the_pause_from_two_seconds_up_to_the_maximum()
    {
        var backoff = new PollBackoff(TimeSpan.FromSeconds(30), receiveWait: TimeSpan.FromSeconds(10));

        Assert.Equal([2, 4, 8, 16, 30, 30], Enumerable.Range(0, 6).Select(_ => backoff.AfterError().TotalSeconds));
    }

    [Fact]
    public void Any_answer_starts_the_error_pauses_over()
    {
        var backoff = new PollBackoff(TimeSpan.FromSeconds(60), receiveWait: TimeSpan.FromSeconds(10));
        backoff.AfterError();
        backoff.AfterError();

        backoff.AfterEmptyReceive();

        Assert.Equal(TimeSpan.FromSeconds(2), backoff.AfterError());
        backoff.AfterMessages();
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.AfterError());
    }

    [Fact]
    public void An_empty_long_poll_needs_no_pause()
    {
        var backoff = new PollBackoff(TimeSpan.FromSeconds(30), receiveWait: TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, backoff.AfterEmptyReceive());
        Assert.Equal(TimeSpan.Zero, backoff.AfterEmptyReceive());
    }

    [Fact]
    public void Empty_receives_without_long_polling_pause_longer_each_time_up_to_two_seconds_until_messages_come()
    {
        var backoff = new PollBackoff(TimeSpan.FromSeconds(30), receiveWait: TimeSpan.Zero);

        Assert.Equal([100, 200, 400, 800, 1600, 2000, 2000], Enumerable.Range(0, 7).Select(_ => backoff.AfterEmptyReceive().TotalMilliseconds));
        backoff.AfterMessages();
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.AfterEmptyReceive());
    }
}
