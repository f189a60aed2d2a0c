using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SnapMagic.Worker.Resilience;

/// <summary>How one model's calls are retried and when its circuit opens (the image model's and the video model's each have their own).</summary>
public sealed record ModelPipelineSettings(
    int MaxRetries,
    int RetryBaseDelayMs,
    double BreakerFailureRatio,
    int BreakerMinimumThroughput,
    int BreakerSamplingSeconds,
    int BreakerBreakSeconds);

/// <summary>
/// The Polly v8 pipeline every model call goes through: retries with exponential backoff and jitter for transient errors
/// only (<see cref="TransientFailures"/>), then a circuit breaker whose state <paramref name="breaker"/> tells the consumers.
/// </summary>
public static class ModelPipeline
{
    /// <param name="name">The model in log lines ("Model", "Video model").</param>
    /// <param name="onRetry">Counts a retry (metrics).</param>
    public static ResiliencePipeline Build(ModelPipelineSettings settings, ModelBreaker breaker, TimeProvider time, ILogger logger, string name, Action onRetry)
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
                    onRetry();
                    logger.LogWarning(args.Outcome.Exception,
                        "{Model} call attempt {Attempt} failed with a transient error; retrying in {Delay}",
                        name, args.AttemptNumber + 1, args.RetryDelay);
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
                        "{Model} circuit breaker opened for {BreakDuration}: no calls to it until then", name, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("{Model} circuit breaker half-open: trying one call", name);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("{Model} circuit breaker closed: the model answers again", name);
                    return default;
                },
            })
            .Build();
    }
}
