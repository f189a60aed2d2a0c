using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using SnapMagic.Contracts;
using SnapMagic.Imaging;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.Worker.Resilience;

/// <summary>
/// The image model behind the <see cref="ModelResiliencePipeline"/> (retries with exponential backoff and jitter for
/// transient errors only, then a circuit breaker), then — for each attempt — a slot of the process-wide cap on
/// concurrent model calls (<see cref="ImageModelOptions.MaxConcurrency"/>) and a per-attempt timeout.
/// The timeout starts once the slot is held, so waiting for a slot never times an attempt out.
/// Throws <see cref="Polly.CircuitBreaker.BrokenCircuitException"/> while the circuit is open.
/// </summary>
public sealed class ResilientImageModel
{
    private static readonly ResiliencePropertyKey<AttemptCounter> Attempts = new("snapmagic.attempts");

    private readonly IImageModel _model;
    private readonly ModelBreaker _breaker;
    private readonly WorkerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _modelCalls;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _attemptTimeout;

    public ResilientImageModel(
        IImageModel model,
        IOptions<ImageModelOptions> options,
        ModelBreaker breaker,
        WorkerMetrics metrics,
        TimeProvider time,
        ILogger<ResilientImageModel> logger)
    {
        _model = model;
        _breaker = breaker;
        _metrics = metrics;
        _time = time;
        var settings = options.Value;
        _modelCalls = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        _pipeline = ModelResiliencePipeline.Build(settings, breaker, metrics, time, logger);
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds))
            .Build();
    }

    public async Task<byte[]> PaintCardAsync(CardImageRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Attempts, new AttemptCounter());
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.self.AttemptAsync(state.request, ctx),
                context,
                (self: this, request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<byte[]> AttemptAsync(CardImageRequest request, ResilienceContext context)
    {
        var attempt = context.Properties.GetValue(Attempts, new AttemptCounter()).Next();
        using var activity = WorkerTelemetry.StartCardSpan("model call", request.CorrelationId, ActivityKind.Client);
        activity?.SetTag(CardTelemetry.AttemptTag, attempt);
        activity?.SetTag(CardTelemetry.BreakerStateTag, _breaker.State.ToString().ToLowerInvariant());

        await _modelCalls.WaitAsync(context.CancellationToken);
        var started = _time.GetTimestamp();
        try
        {
            var png = await _attemptTimeout.ExecuteAsync(
                static (state, token) => new ValueTask<byte[]>(state.model.PaintCardAsync(state.request, token)),
                (model: _model, request),
                context.CancellationToken);
            _metrics.ModelAttempt(_time.GetElapsedTime(started), "success");
            return png;
        }
        catch (Exception ex)
        {
            _metrics.ModelAttempt(_time.GetElapsedTime(started), OutcomeOf(ex));
            activity.RecordError(ex);
            throw;
        }
        finally
        {
            _modelCalls.Release();
        }
    }

    private static string OutcomeOf(Exception exception) => exception switch
    {
        TimeoutRejectedException => "timeout",
        OperationCanceledException => "canceled",
        ImageModelException model => model.Failure.ToString().ToLowerInvariant(),
        _ => "error",
    };

    private sealed class AttemptCounter
    {
        private int _count;
        public int Next() => Interlocked.Increment(ref _count);
    }
}
