using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using SnapMagic.Feedback;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Feedback;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Feedback;

/// <summary>
/// The speech and sentiment models behind the same <see cref="ModelResiliencePipeline"/> as the image model (the
/// <c>ImageModel</c> section's retry, breaker and per-attempt timeout settings), with a circuit breaker of their own:
/// a speech outage holds back feedback, not cards. Throws <see cref="Polly.CircuitBreaker.BrokenCircuitException"/>
/// while the circuit is open; <see cref="Breaker"/> says for how long.
/// </summary>
public sealed class ResilientFeedbackModels
{
    private readonly ISpeechToText _speech;
    private readonly ISentimentModel _sentiment;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _attemptTimeout;

    public ResilientFeedbackModels(ISpeechToText speech, ISentimentModel sentiment, IOptions<ImageModelOptions> options, WorkerMetrics metrics,
        TimeProvider time, ILogger<ResilientFeedbackModels> logger)
    {
        _speech = speech;
        _sentiment = sentiment;
        Breaker = new ModelBreaker(time);
        _pipeline = ModelResiliencePipeline.Build(options.Value, Breaker, metrics, time, logger, "Feedback model");
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(options.Value.AttemptTimeoutSeconds))
            .Build();
    }

    public ModelBreaker Breaker { get; }

    public bool CanTranscribe => _speech.CanTranscribe;

    public Task<string> TranscribeAsync(SpeechRecording recording, CancellationToken cancellationToken) =>
        ExecuteAsync(token => _speech.TranscribeAsync(recording, token), "speech to text", recording.FeedbackId, cancellationToken);

    public Task<Sentiment> ScoreAsync(string feedbackId, string text, CancellationToken cancellationToken) =>
        ExecuteAsync(token => _sentiment.ScoreAsync(feedbackId, text, token), "sentiment", feedbackId, cancellationToken);

    private async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, string spanName, string feedbackId, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async outer =>
        {
            using var activity = WorkerTelemetry.StartCardSpan(spanName, feedbackId, System.Diagnostics.ActivityKind.Client);
            try
            {
                return await _attemptTimeout.ExecuteAsync(async inner => await call(inner), outer);
            }
            catch (Exception ex)
            {
                activity.RecordError(ex);
                throw;
            }
        }, cancellationToken);
}
