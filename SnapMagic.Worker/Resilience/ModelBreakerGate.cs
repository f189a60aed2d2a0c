using SnapMagic.Worker.Polling;

namespace SnapMagic.Worker.Resilience;

/// <summary>
/// Takes no new cards while the model's circuit is open (their receive counts stay unspent). After the break,
/// while the circuit has not closed again, one card at a time tests the model: the gate waits for the
/// in-flight cards to end and then lets one message through.
/// </summary>
public sealed class ModelBreakerGate(ModelBreaker breaker, TimeProvider time) : IReceiveGate
{
    private static readonly TimeSpan TrialRecheck = TimeSpan.FromSeconds(1);

    public async Task<int> WaitForTurnAsync(InFlightMessages inFlight, CancellationToken cancellationToken)
    {
        while (true)
        {
            await breaker.WaitUntilCallsAllowedAsync(cancellationToken);
            if (!breaker.IsTrialOnly)
                return int.MaxValue;
            if (inFlight.Count == 0)
                return 1;
            await Task.WhenAny(inFlight.WhenAnyEnds(), Task.Delay(TrialRecheck, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
