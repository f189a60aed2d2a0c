using Polly.CircuitBreaker;

namespace SnapMagic.Worker.Resilience;

/// <summary>
/// What the consumers need to know about the model's circuit breaker: whether to take new jobs. Polly
/// moves an open circuit to half-open only when a call is tried after the break, so this class remembers
/// when the break ends: until then consumers wait; after it one trial job may go through.
/// </summary>
public sealed class ModelBreaker(TimeProvider time)
{
    private long _openUntilTicks;

    public CircuitBreakerStateProvider StateProvider { get; } = new();

    public CircuitState State => StateProvider.CircuitState;

    /// <summary>Time left before the open circuit lets a trial call through; zero when it is not open.</summary>
    public TimeSpan RemainingBreak
    {
        get
        {
            if (State is CircuitState.Closed)
                return TimeSpan.Zero;
            var left = Interlocked.Read(ref _openUntilTicks) - time.GetUtcNow().UtcTicks;
            return left > 0 ? TimeSpan.FromTicks(left) : TimeSpan.Zero;
        }
    }

    /// <summary>The break is over but no call has closed the circuit yet: take one job at a time to test it.</summary>
    public bool IsTrialOnly => State is CircuitState.Open or CircuitState.HalfOpen && RemainingBreak == TimeSpan.Zero;

    internal void Opened(TimeSpan breakDuration) =>
        Interlocked.Exchange(ref _openUntilTicks, (time.GetUtcNow() + breakDuration).UtcTicks);

    /// <summary>Returns once the circuit is closed or its break is over.</summary>
    public async Task WaitUntilCallsAllowedAsync(CancellationToken cancellationToken)
    {
        while (RemainingBreak is { } left && left > TimeSpan.Zero)
            await Task.Delay(left, time, cancellationToken);
    }
}
