using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using SnapMagic.Contracts;
using SnapMagic.Imaging.Video;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Animations;

/// <summary>
/// The video model behind its own <see cref="ModelResiliencePipeline"/> (retries for transient errors, then a circuit breaker of its
/// own, <see cref="Breaker"/>: a video outage never stops the cards) and, per attempt, a slot of a process-wide cap on
/// concurrent video-model calls and a timeout. Slots are held only for the calls (a start, a status read), never while a
/// video runs. Throws <see cref="Polly.CircuitBreaker.BrokenCircuitException"/> while the circuit is open.
/// </summary>
public sealed class ResilientVideoModel
{
    private readonly IVideoModel _model;
    private readonly SemaphoreSlim _calls;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _attemptTimeout;
    private int _callsInFlight;

    public ResilientVideoModel(IVideoModel model, IOptions<AnimationOptions> options, WorkerMetrics metrics, TimeProvider time, ILogger<ResilientVideoModel> logger)
    {
        _model = model;
        var settings = options.Value;
        Breaker = new ModelBreaker(time);
        _calls = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        _pipeline = ModelResiliencePipeline.Build(settings.Pipeline, Breaker, metrics, time, logger, "Video model");
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(Math.Max(1, settings.AttemptTimeoutSeconds)))
            .Build();
    }

    /// <summary>The video model's own circuit breaker.</summary>
    public ModelBreaker Breaker { get; }

    /// <summary>Video-model calls under way in this process (a running video between checks is none).</summary>
    public int CallsInFlight => Volatile.Read(ref _callsInFlight);

    public Task<AnimationHandle> StartAnimationAsync(AnimationRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync("video start", request.CorrelationId, (model, token) => model.StartAnimationAsync(request, token), cancellationToken);

    public Task<AnimationStatus> GetStatusAsync(string correlationId, AnimationHandle handle, CancellationToken cancellationToken) =>
        ExecuteAsync("video status", correlationId, (model, token) => model.GetStatusAsync(handle, token), cancellationToken);

    private async Task<T> ExecuteAsync<T>(string spanName, string correlationId, Func<IVideoModel, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async token =>
        {
            using var activity = WorkerTelemetry.StartCardSpan(spanName, correlationId, ActivityKind.Client);
            activity?.SetTag(CardTelemetry.BreakerStateTag, Breaker.State.ToString().ToLowerInvariant());
            await _calls.WaitAsync(token);
            Interlocked.Increment(ref _callsInFlight);
            try
            {
                return await _attemptTimeout.ExecuteAsync(async inner => await call(_model, inner), token);
            }
            catch (Exception ex)
            {
                activity.RecordError(ex);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _callsInFlight);
                _calls.Release();
            }
        }, cancellationToken);

}
