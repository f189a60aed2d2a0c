using Microsoft.Extensions.Logging;
using SnapMagic.Queueing;

namespace SnapMagic.Worker.Polling;

/// <summary>
/// One receive loop over one queue: it waits for a free slot (of <see cref="QueuePollerSettings.MaxInFlight"/>),
/// asks the <see cref="IReceiveGate"/> whether and how much to take, receives only as many messages as there are
/// free slots, and starts each on its own task. Failed receives and empty ones are followed by a
/// <see cref="PollBackoff"/> pause. On shutdown it stops receiving, gives in-flight work the grace period,
/// then cancels it and waits for it to end.
/// </summary>
public sealed partial class QueuePoller(
    IMessageQueue queue,
    QueuePollerSettings settings,
    TimeProvider time,
    ILogger<QueuePoller> logger,
    IReceiveGate? gate = null)
{
    private readonly int _maxInFlight = Math.Max(1, settings.MaxInFlight);

    public InFlightMessages InFlight { get; } = new();

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> fires, then drains. <paramref name="process"/> gets a token
    /// that fires only when the grace period is over; its exceptions are logged, never end the loop.
    /// </summary>
    public async Task RunAsync(Func<QueueMessage, CancellationToken, Task> process, CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(_maxInFlight, _maxInFlight);
        using var abort = new CancellationTokenSource();
        try
        {
            await ReceiveLoopAsync(process, slots, abort.Token, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await DrainAsync(abort);
    }

    private async Task ReceiveLoopAsync(Func<QueueMessage, CancellationToken, Task> process, SemaphoreSlim slots,
        CancellationToken abort, CancellationToken stoppingToken)
    {
        var backoff = new PollBackoff(settings.MaxErrorBackoff, settings.ReceiveWait);
        while (!stoppingToken.IsCancellationRequested)
        {
            await slots.WaitAsync(stoppingToken);
            var taken = 1;
            var pause = TimeSpan.Zero;
            try
            {
                var allowed = gate is null ? int.MaxValue : await gate.WaitForTurnAsync(InFlight, stoppingToken);
                // A receive returns at most ten messages (as on SQS); more free slots fill on the next turn.
                var wanted = Math.Min(Math.Max(1, allowed), Math.Min(_maxInFlight, IMessageQueue.MaxMessagesPerReceive));
                while (taken < wanted && slots.Wait(0))
                    taken++;

                var messages = await queue.ReceiveAsync(taken, settings.ReceiveWait, stoppingToken);
                if (messages.Count == 0)
                    pause = backoff.AfterEmptyReceive();
                else
                    backoff.AfterMessages();
                foreach (var message in messages)
                {
                    Start(process, message, slots, abort);
                    taken--;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                pause = backoff.AfterError();
                LogReceiveFailed(ex, queue.Name, pause);
            }
            finally
            {
                if (taken > 0)
                    slots.Release(taken);
            }
            if (pause > TimeSpan.Zero)
                await Task.Delay(pause, time, stoppingToken);
        }
    }

    private void Start(Func<QueueMessage, CancellationToken, Task> process, QueueMessage message, SemaphoreSlim slots, CancellationToken abort)
    {
        InFlight.Track(Task.Run(async () =>
        {
            try
            {
                await process(message, abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogProcessFailed(ex, message.MessageId, queue.Name);
            }
            finally
            {
                slots.Release();
            }
        }, CancellationToken.None));
    }

    private async Task DrainAsync(CancellationTokenSource abort)
    {
        var running = InFlight.Snapshot();
        if (running.Length == 0)
            return;
        LogDraining(running.Length, queue.Name, settings.ShutdownGrace);
        try
        {
            await Task.WhenAll(running).WaitAsync(settings.ShutdownGrace, time);
        }
        catch (TimeoutException)
        {
            LogAbandoning(InFlight.Count, queue.Name);
            await abort.CancelAsync();
            await Task.WhenAll(InFlight.Snapshot());
        }
    }

    [LoggerMessage(LogLevel.Error, "Receiving from {Queue} failed; trying again in {Backoff}")]
    private partial void LogReceiveFailed(Exception exception, string queue, TimeSpan backoff);

    [LoggerMessage(LogLevel.Error, "Processing message {MessageId} from {Queue} failed")]
    private partial void LogProcessFailed(Exception exception, string messageId, string queue);

    [LoggerMessage(LogLevel.Information, "Stopping: waiting up to {Grace} for {Count} message(s) in flight from {Queue}")]
    private partial void LogDraining(int count, string queue, TimeSpan grace);

    [LoggerMessage(LogLevel.Warning, "Stopping: {Count} message(s) from {Queue} did not finish in time; cancelling their work")]
    private partial void LogAbandoning(int count, string queue);
}
