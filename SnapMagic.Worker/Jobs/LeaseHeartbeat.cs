using Microsoft.Extensions.Logging;
using SnapMagic.Queueing;

namespace SnapMagic.Worker.Jobs;

/// <summary>
/// Keeps a received message leased while its card is worked on: every third of the visibility timeout it
/// extends the lease to a full timeout, so a long model call never lets the message reappear for another
/// worker. Stop it (dispose) before deleting or releasing the message.
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseHeartbeat(IMessageQueue queue, QueueMessage message, TimeSpan visibility, TimeProvider time, ILogger logger) =>
        _loop = BeatAsync(queue, message, visibility, time, logger, _stop.Token);

    public static LeaseHeartbeat Start(IMessageQueue queue, QueueMessage message, TimeSpan visibility, TimeProvider time, ILogger logger) =>
        new(queue, message, visibility, time, logger);

    private static async Task BeatAsync(IMessageQueue queue, QueueMessage message, TimeSpan visibility, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(visibility / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await queue.ChangeVisibilityAsync(message.ReceiptHandle, visibility, stop);
                }
                catch (MessageLeaseLostException ex)
                {
                    // Another worker may hold the message now; the store's conditional writes keep the card right.
                    logger.LogWarning(ex, "Lost the lease of message {MessageId}; no more heartbeats for it", message.MessageId);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not extend the lease of message {MessageId}; trying again at the next beat", message.MessageId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
