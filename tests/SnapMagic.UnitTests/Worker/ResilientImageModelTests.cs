using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SnapMagic.Imaging;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Resilience;
using System.Diagnostics.Metrics;

namespace SnapMagic.UnitTests.Worker;

public sealed class ResilientImageModelTests : IDisposable
{
    private static readonly CardImageRequest Request = new("0123456789abcdef0123456789abcdef", "a dragon made of stained glass");

    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ScriptedImageModel _model = new();
    private readonly ModelBreaker _breaker;

    public ResilientImageModelTests() => _breaker = new ModelBreaker(_time);

    private ResilientImageModel Create(Action<ImageModelOptions>? configure = null)
    {
        var options = new ImageModelOptions
        {
            MaxRetries = 3,
            RetryBaseDelayMs = 0,
            AttemptTimeoutSeconds = 5,
            BreakerFailureRatio = 0.5,
            BreakerMinimumThroughput = 100,
            BreakerSamplingSeconds = 30,
            BreakerBreakSeconds = 15,
        };
        configure?.Invoke(options);
        var metrics = new WorkerMetrics(_services.GetRequiredService<IMeterFactory>(), () => (int)_breaker.State);
        return new ResilientImageModel(_model, Options.Create(options), _breaker, metrics, _time, NullLogger<ResilientImageModel>.Instance);
    }

    [Fact]
    public void A_breaker_no_call_has_touched_yet_reads_as_closed()
    {
        var breaker = new ModelBreaker(_time);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(TimeSpan.Zero, breaker.RemainingBreak);
        Assert.False(breaker.IsTrialOnly);
    }

    [Fact]
    public async Task Retries_transient_errors_then_returns_the_image()
    {
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient), ScriptedImageModel.Throws(new HttpRequestException("reset")), ScriptedImageModel.Succeeds());
        var resilient = Create();

        var png = await resilient.PaintCardAsync(Request, CancellationToken.None);

        Assert.Equal(ScriptedImageModel.Png, png);
        Assert.Equal(3, _model.Calls.Count);
    }

    [Fact]
    public async Task Counts_each_retry()
    {
        using var listener = new MeterListener();
        long retries = 0;
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other test classes run in parallel and count their own retries.
            if (instrument.Meter.Scope == _services.GetRequiredService<IMeterFactory>() && instrument.Name == "snapmagic.model.retries")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref retries, value));
        listener.Start();
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient), ScriptedImageModel.Succeeds());

        await Create().PaintCardAsync(Request, CancellationToken.None);

        Assert.Equal(1, Interlocked.Read(ref retries));
    }

    [Theory]
    [InlineData(ImageModelFailure.ContentBlocked)]
    [InlineData(ImageModelFailure.Rejected)]
    public async Task Never_retries_a_refusal(ImageModelFailure failure)
    {
        _model.Then(ScriptedImageModel.Throws(failure, "Your prompt was blocked."), ScriptedImageModel.Succeeds());

        var error = await Assert.ThrowsAsync<ImageModelException>(() => Create().PaintCardAsync(Request, CancellationToken.None));

        Assert.Equal(failure, error.Failure);
        Assert.Single(_model.Calls);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_retries()
    {
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient));

        await Assert.ThrowsAsync<ImageModelException>(() => Create(o => o.MaxRetries = 2).PaintCardAsync(Request, CancellationToken.None));

        Assert.Equal(3, _model.Calls.Count);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        _model.Then(_model.Hangs(), ScriptedImageModel.Succeeds());
        var call = Create(o => o.AttemptTimeoutSeconds = 5).PaintCardAsync(Request, CancellationToken.None);

        await _model.Hanging.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(ScriptedImageModel.Png, await call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _model.Calls.Count);
    }

    [Fact]
    public async Task A_timeout_on_every_attempt_ends_as_a_timeout()
    {
        _model.Then(_model.Hangs());
        var call = Create(o => { o.MaxRetries = 0; o.AttemptTimeoutSeconds = 1; }).PaintCardAsync(Request, CancellationToken.None);

        await _model.Hanging.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Repeated_failures_open_the_breaker_and_calls_stop_reaching_the_model()
    {
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient), ScriptedImageModel.Throws(ImageModelFailure.Transient), ScriptedImageModel.Succeeds());
        var resilient = Create(o => { o.MaxRetries = 0; o.BreakerMinimumThroughput = 2; o.BreakerBreakSeconds = 15; });

        await Assert.ThrowsAsync<ImageModelException>(() => resilient.PaintCardAsync(Request, CancellationToken.None));
        Assert.Equal(CircuitState.Closed, _breaker.State);
        await Assert.ThrowsAsync<ImageModelException>(() => resilient.PaintCardAsync(Request, CancellationToken.None));

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.Equal(TimeSpan.FromSeconds(15), _breaker.RemainingBreak);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => resilient.PaintCardAsync(Request, CancellationToken.None));
        Assert.Equal(2, _model.Calls.Count);
        Assert.False(_breaker.IsTrialOnly);
    }

    [Fact]
    public async Task After_the_break_one_successful_trial_closes_the_breaker()
    {
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.Transient), ScriptedImageModel.Throws(ImageModelFailure.Transient), ScriptedImageModel.Succeeds());
        var resilient = Create(o => { o.MaxRetries = 0; o.BreakerMinimumThroughput = 2; o.BreakerBreakSeconds = 15; });
        for (var i = 0; i < 2; i++)
            await Assert.ThrowsAsync<ImageModelException>(() => resilient.PaintCardAsync(Request, CancellationToken.None));
        var waiting = _breaker.WaitUntilCallsAllowedAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(15));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(_breaker.IsTrialOnly);
        Assert.Equal(ScriptedImageModel.Png, await resilient.PaintCardAsync(Request, CancellationToken.None));
        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.False(_breaker.IsTrialOnly);
    }

    [Fact]
    public async Task Refusals_do_not_open_the_breaker()
    {
        _model.Then(ScriptedImageModel.Throws(ImageModelFailure.ContentBlocked));
        var resilient = Create(o => { o.MaxRetries = 0; o.BreakerMinimumThroughput = 2; });

        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<ImageModelException>(() => resilient.PaintCardAsync(Request, CancellationToken.None));

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.Equal(5, _model.Calls.Count);
    }

    [Fact]
    public async Task Caps_concurrent_model_calls_across_callers()
    {
        _model.Then(_model.Hangs(), ScriptedImageModel.Succeeds());
        var resilient = Create(o => { o.MaxConcurrency = 1; o.AttemptTimeoutSeconds = 60; o.MaxRetries = 0; });
        using var first = new CancellationTokenSource();
        var hanging = resilient.PaintCardAsync(Request, first.Token);
        await _model.Hanging.WaitAsync(TimeSpan.FromSeconds(10));

        var second = resilient.PaintCardAsync(Request, CancellationToken.None);
        Assert.Single(_model.Calls);
        Assert.False(second.IsCompleted);

        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(ScriptedImageModel.Png, await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _model.Calls.Count);
    }

    public void Dispose() => _services.Dispose();
}
