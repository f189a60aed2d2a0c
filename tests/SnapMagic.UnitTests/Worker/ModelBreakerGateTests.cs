using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SnapMagic.Cards;
using SnapMagic.Imaging;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Polling;
using SnapMagic.Worker.Resilience;
using System.Diagnostics.Metrics;

namespace SnapMagic.UnitTests.Worker;

public sealed class ModelBreakerGateTests : IDisposable
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ScriptedImageModel _model = new();
    private readonly ModelBreaker _breaker;
    private readonly ModelBreakerGate _gate;
    private readonly InFlightMessages _inFlight = new();

    public ModelBreakerGateTests()
    {
        _breaker = new ModelBreaker(_time);
        _gate = new ModelBreakerGate(_breaker, _time);
    }

    /// <summary>Two transient failures in a row open the breaker for <see cref="Break"/>.</summary>
    private async Task OpenBreakerAsync()
    {
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient));
        var options = new ImageModelOptions { MaxRetries = 0, RetryBaseDelayMs = 0, BreakerMinimumThroughput = 2, BreakerBreakSeconds = (int)Break.TotalSeconds };
        var metrics = new WorkerMetrics(_services.GetRequiredService<IMeterFactory>(), () => (int)_breaker.State);
        var model = new ResilientImageModel(_model, Options.Create(options), _breaker, metrics, _time, NullLogger<ResilientImageModel>.Instance);
        for (var i = 0; i < 2; i++)
            await Assert.ThrowsAsync<ImageModelException>(() => model.PaintCardAsync(new CardImageRequest(CorrelationIds.New(), "an outage"), CancellationToken.None));
    }

    [Fact]
    public async Task A_closed_breaker_sets_no_limit()
    {
        Assert.Equal(int.MaxValue, await _gate.WaitForTurnAsync(_inFlight, CancellationToken.None));
    }

    [Fact]
    public async Task An_open_breaker_holds_the_turn_until_the_break_is_over_then_lets_one_trial_message_through()
    {
        await OpenBreakerAsync();

        var turn = _gate.WaitForTurnAsync(_inFlight, CancellationToken.None);
        Assert.False(turn.IsCompleted);
        _time.Advance(Break);

        Assert.Equal(1, await turn.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task During_the_trial_the_next_message_waits_for_the_trial_card_to_end()
    {
        await OpenBreakerAsync();
        _time.Advance(Break);
        var trial = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight.Track(trial.Task);

        var turn = _gate.WaitForTurnAsync(_inFlight, CancellationToken.None);
        Assert.False(turn.IsCompleted);
        trial.SetResult();

        Assert.Equal(1, await turn.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    public void Dispose() => _services.Dispose();
}
