using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Queueing;

public sealed class MessageDelaysTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(90_000, 90)]
    [InlineData(15 * 60 * 1000, 900)]
    public void SQS_gets_whole_seconds_rounded_up_so_a_message_never_comes_early(int milliseconds, int seconds) =>
        Assert.Equal(seconds, MessageDelays.ToDelaySeconds(new OutgoingMessage("body", Delay: TimeSpan.FromMilliseconds(milliseconds))));

    [Theory]
    [InlineData(-1)]
    [InlineData(15 * 60 * 1000 + 1)]
    public void A_delay_SQS_would_refuse_is_refused_here(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MessageDelays.Checked(new OutgoingMessage("body", Delay: TimeSpan.FromMilliseconds(milliseconds))));
}
