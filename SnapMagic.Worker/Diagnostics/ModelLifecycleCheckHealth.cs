using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>
/// The worker's health entry for its Bedrock model: Degraded, with the start-up check's plain sentence, when the
/// model is Legacy, past its end of life, unknown, refused or could not be checked; Healthy otherwise. Never
/// Unhealthy: the worker still takes cards, and a model that fails them says so on each card.
/// </summary>
public sealed class ModelLifecycleCheckHealth(ModelLifecycleCheckResult result) : IHealthCheck
{
    public const string Name = "bedrock-model-lifecycle";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new HealthCheckResult(result.Status, result.Description));
}
