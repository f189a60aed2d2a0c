using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SnapMagic.Worker.Diagnostics;

/// <summary>
/// What the start-up <see cref="ModelLifecycleCheck"/> concluded about the configured Bedrock model, kept for
/// <see cref="ModelLifecycleCheckHealth"/>: the worker keeps painting cards whatever it says.
/// </summary>
public sealed class ModelLifecycleCheckResult
{
    private volatile Verdict _verdict = new(HealthStatus.Healthy, "The Bedrock model's lifecycle has not been checked yet.");

    public HealthStatus Status => _verdict.Status;

    public string Description => _verdict.Description;

    internal void Healthy(string description) => _verdict = new(HealthStatus.Healthy, description);

    internal void Degraded(string description) => _verdict = new(HealthStatus.Degraded, description);

    private sealed record Verdict(HealthStatus Status, string Description);
}
