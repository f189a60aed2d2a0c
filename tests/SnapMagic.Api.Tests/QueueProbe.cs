using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Queueing;

namespace SnapMagic.Api.Tests;

internal static class QueueProbe
{
    /// <summary>Receives (and deletes) job messages until the one for <paramref name="correlationId"/> turns up.</summary>
    public static async Task<QueueMessage> ReceiveJobAsync(this ApiFactory factory, string correlationId, TimeSpan timeout)
    {
        var queue = factory.Services.GetRequiredService<ICardQueues>().Jobs;
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            foreach (var message in await queue.ReceiveAsync(10, TimeSpan.FromSeconds(1)))
            {
                await queue.DeleteAsync(message.ReceiptHandle);
                if (message.Attributes.GetValueOrDefault(MessageAttributes.CorrelationId) == correlationId)
                    return message;
            }
        }
        throw new TimeoutException($"No job message for {correlationId} within {timeout}.");
    }

    /// <summary>Receives (and deletes) every job message visible now: the messages sent before the call, since a send completes before its 202.</summary>
    public static async Task<IReadOnlyList<QueueMessage>> DrainJobsAsync(this ApiFactory factory)
    {
        var queue = factory.Services.GetRequiredService<ICardQueues>().Jobs;
        var drained = new List<QueueMessage>();
        while (await queue.ReceiveAsync(10, TimeSpan.Zero) is { Count: > 0 } messages)
        {
            foreach (var message in messages)
                await queue.DeleteAsync(message.ReceiptHandle);
            drained.AddRange(messages);
        }
        return drained;
    }
}
