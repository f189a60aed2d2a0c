using Polly.CircuitBreaker;
using Polly.Timeout;
using SnapMagic.Imaging;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.UnitTests.Worker;

public sealed class TransientFailuresTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        { new ImageModelException(ImageModelFailure.Transient, "busy"), true },
        { new TimeoutRejectedException(), true },
        { new HttpRequestException("connection reset"), true },
        { new ImageModelException(ImageModelFailure.ContentBlocked, "blocked"), false },
        { new ImageModelException(ImageModelFailure.Rejected, "refused"), false },
        { new BrokenCircuitException(), false },
        { new OperationCanceledException(), false },
        { new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_errors_worth_another_attempt_are_transient(Exception exception, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransient(exception));
}
