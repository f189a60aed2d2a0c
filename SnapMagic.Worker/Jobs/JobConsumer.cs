using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Queueing;
using SnapMagic.Worker.Polling;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Jobs;

/// <summary>
/// The worker's card consumer: a <see cref="QueuePoller"/> on the job queue with <see cref="WorkerOptions.Concurrency"/>
/// slots, each carrying one message through the <see cref="JobMessageManager"/>. It takes no new cards while the
/// model's circuit breaker is open (<see cref="ModelBreakerGate"/>). On shutdown in-flight cards get
/// <see cref="WorkerOptions.ShutdownGraceSeconds"/> to finish; then they are cancelled, which releases their messages
/// for another worker.
/// </summary>
public sealed partial class JobConsumer(
    ICardQueues queues,
    JobMessageManager messages,
    ModelBreaker breaker,
    IOptions<WorkerOptions> workerOptions,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<JobConsumer> logger,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly QueuePollerSettings _settings = new()
    {
        MaxInFlight = Math.Max(1, workerOptions.Value.Concurrency),
        ReceiveWait = QueuePollerSettings.LongPollWait(queueOptions.Value),
        MaxErrorBackoff = TimeSpan.FromSeconds(30),
        ShutdownGrace = TimeSpan.FromSeconds(Math.Max(0, workerOptions.Value.ShutdownGraceSeconds)),
    };

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(_settings.MaxInFlight, queues.Jobs.Name);
        var poller = new QueuePoller(queues.Jobs, _settings, time, loggerFactory.CreateLogger<QueuePoller>(), new ModelBreakerGate(breaker, time));
        return poller.RunAsync(messages.ProcessAsync, stoppingToken);
    }

    [LoggerMessage(LogLevel.Information, "Consuming cards from {Queue} with {Concurrency} slots")]
    private partial void LogStarted(int concurrency, string queue);
}
