using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Queueing;
using SnapMagic.Worker.Resilience;

namespace SnapMagic.Worker.Cards;

/// <summary>
/// The worker's consumer loop: <see cref="WorkerOptions.Concurrency"/> slots, each working one card. It asks
/// the queue only for as many messages as it has free slots, so no message waits leased behind a busy slot,
/// and it takes no new cards while the model's circuit breaker is open (their receive counts stay unspent).
/// On shutdown it stops receiving, gives in-flight cards <see cref="WorkerOptions.ShutdownGraceSeconds"/> to
/// finish, then cancels them, which releases their messages for another worker.
/// </summary>
public sealed partial class CardConsumer(
    ICardQueues queues,
    CardProcessor processor,
    ModelBreaker breaker,
    IOptions<WorkerOptions> workerOptions,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<CardConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxReceiveBackoff = TimeSpan.FromSeconds(30);

    private readonly int _concurrency = Math.Max(1, workerOptions.Value.Concurrency);
    private readonly TimeSpan _grace = TimeSpan.FromSeconds(Math.Max(0, workerOptions.Value.ShutdownGraceSeconds));
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(Math.Clamp(queueOptions.Value.WaitTimeSeconds, 0, 20));
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _abort = new();
    private SemaphoreSlim? _slots;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _slots = new SemaphoreSlim(_concurrency, _concurrency);
        LogStarted(_concurrency, queues.Jobs.Name);
        try
        {
            await ReceiveLoopAsync(_slots, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await DrainAsync();
    }

    private async Task ReceiveLoopAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await slots.WaitAsync(stoppingToken);
            var taken = 1;
            try
            {
                await WaitForModelAsync(stoppingToken);
                // A receive returns at most ten messages (as on SQS); more free slots fill on the next turn.
                var wanted = breaker.IsTrialOnly ? 1 : Math.Min(_concurrency, IMessageQueue.MaxMessagesPerReceive);
                while (taken < wanted && slots.Wait(0))
                    taken++;

                var messages = await queues.Jobs.ReceiveAsync(taken, _wait, stoppingToken);
                failures = 0;
                foreach (var message in messages)
                {
                    Start(message, slots);
                    taken--;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                var backoff = TimeSpan.FromSeconds(Math.Min(MaxReceiveBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 5))));
                LogReceiveFailed(ex, backoff);
                await Task.Delay(backoff, time, stoppingToken);
            }
            finally
            {
                if (taken > 0)
                    slots.Release(taken);
            }
        }
    }

    /// <summary>
    /// Waits while the circuit is open; after the break, while a trial card is still in flight, since only
    /// one card at a time should test the model until a call closes the circuit again.
    /// </summary>
    private async Task WaitForModelAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await breaker.WaitUntilCallsAllowedAsync(stoppingToken);
            var running = _inFlight.Keys.ToArray();
            if (!breaker.IsTrialOnly || running.Length == 0)
                return;
            await Task.WhenAny(Task.WhenAny(running), Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    private void Start(QueueMessage message, SemaphoreSlim slots)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await processor.ProcessAsync(message, _abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogProcessorFailed(ex, message.MessageId);
            }
            finally
            {
                slots.Release();
            }
        });
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DrainAsync()
    {
        var running = _inFlight.Keys.ToArray();
        if (running.Length == 0)
            return;
        LogDraining(running.Length, _grace);
        try
        {
            await Task.WhenAll(running).WaitAsync(_grace, time);
        }
        catch (TimeoutException)
        {
            LogAbandoning(_inFlight.Count);
            await _abort.CancelAsync();
            await Task.WhenAll(_inFlight.Keys.ToArray());
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _abort.Dispose();
        _slots?.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Consuming cards from {Queue} with {Concurrency} slots")]
    private partial void LogStarted(int concurrency, string queue);

    [LoggerMessage(LogLevel.Error, "Receiving from the card queue failed; trying again in {Backoff}")]
    private partial void LogReceiveFailed(Exception exception, TimeSpan backoff);

    [LoggerMessage(LogLevel.Error, "Processing message {MessageId} failed")]
    private partial void LogProcessorFailed(Exception exception, string messageId);

    [LoggerMessage(LogLevel.Information, "Stopping: waiting up to {Grace} for {Count} card(s) in flight")]
    private partial void LogDraining(int count, TimeSpan grace);

    [LoggerMessage(LogLevel.Warning, "Stopping: {Count} card(s) did not finish in time; releasing their messages")]
    private partial void LogAbandoning(int count);
}
