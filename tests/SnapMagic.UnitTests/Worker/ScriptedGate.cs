using System.Threading.Channels;
using SnapMagic.Worker.Polling;

namespace SnapMagic.UnitTests.Worker;

/// <summary>A receive gate that hands every turn to the test, which opens it when it chooses.</summary>
internal sealed class ScriptedGate : IReceiveGate
{
    private readonly Channel<Turn> _turns = Channel.CreateUnbounded<Turn>();

    public Task<int> WaitForTurnAsync(InFlightMessages inFlight, CancellationToken cancellationToken)
    {
        var turn = new Turn(inFlight, cancellationToken);
        _turns.Writer.TryWrite(turn);
        return turn.Allowed;
    }

    /// <summary>The next turn the poller waits for (up to 20 s).</summary>
    public async Task<Turn> NextTurnAsync() => await _turns.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public sealed class Turn
    {
        private readonly TaskCompletionSource<int> _allowed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Turn(InFlightMessages inFlight, CancellationToken cancellationToken)
        {
            InFlight = inFlight;
            cancellationToken.Register(() => _allowed.TrySetCanceled(cancellationToken));
        }

        public InFlightMessages InFlight { get; }
        public Task<int> Allowed => _allowed.Task;

        public void Allow(int messages) => _allowed.TrySetResult(messages);
    }
}
