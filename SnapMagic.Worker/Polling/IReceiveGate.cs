namespace SnapMagic.Worker.Polling;

/// <summary>Lets a <see cref="QueuePoller"/> take new messages only when the work they need can be done.</summary>
public interface IReceiveGate
{
    /// <summary>Waits until new messages may be taken; returns how many at most (at least one).</summary>
    Task<int> WaitForTurnAsync(InFlightMessages inFlight, CancellationToken cancellationToken);
}
