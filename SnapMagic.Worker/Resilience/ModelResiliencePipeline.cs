using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using SnapMagic.Imaging;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.Worker.Resilience;

/// <summary>
/// The retry-then-breaker pipeline every model call goes through (the image model's, the feedback models'): retries
/// with exponential backoff and jitter for transient errors only (<see cref="TransientFailures"/>), then a circuit
/// breaker whose state <paramref name="breaker"/> tracks. Each caller keeps its own breaker, so one model's outage
/// does not stop the others' jobs.
/// </summary>
public static class ModelResiliencePipeline
{
    /// <param name="modelName">How the log names the model ("model", "speech model").</param>
    public static ResiliencePipeline Build(ImageModelOptions settings, ModelBreaker breaker, WorkerMetrics metrics, TimeProvider time, ILogger logger,
        string modelName = "Model")
    {
        var transient = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMs),
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    metrics.ModelRetry();
                    logger.LogWarning(args.Outcome.Exception,
                        "{Model} call attempt {Attempt} failed with a transient error; retrying in {Delay}",
                        modelName, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }
        var breakBase = TimeSpan.FromSeconds(settings.BreakerBreakSeconds);
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(settings.BreakerSamplingSeconds),
                // A long outage re-opens the circuit after each failed trial: wait longer each time (up to 16x),
                // so trial calls do not use up the receive counts of the waiting jobs.
                BreakDurationGenerator = args => new ValueTask<TimeSpan>(breakBase * (1 << Math.Min(args.HalfOpenAttempts, 4))),
                StateProvider = breaker.StateProvider,
                OnOpened = args =>
                {
                    breaker.Opened(args.BreakDuration);
                    logger.LogError(args.Outcome.Exception,
                        "{Model} circuit breaker opened for {BreakDuration}: its jobs wait until then", modelName, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("{Model} circuit breaker half-open: trying one call", modelName);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("{Model} circuit breaker closed: the model answers again", modelName);
                    return default;
                },
            })
            .Build();
    }
}
