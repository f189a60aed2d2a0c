using Microsoft.Extensions.Diagnostics.HealthChecks;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Backends;

/// <summary>Ready when the job store and the job queue both answer.</summary>
internal sealed class CardBackendHealthCheck(IJobStore store, ICardQueues queues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            var depth = await queues.Jobs.GetDepthAsync(cancellationToken);
            return HealthCheckResult.Healthy($"queue depth {depth.Visible} visible, {depth.InFlight} in flight");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("job store or queue does not answer", ex);
        }
    }
}
