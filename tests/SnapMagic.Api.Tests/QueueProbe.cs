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
}
