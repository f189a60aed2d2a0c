using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace SnapMagic.UnitTests.Telemetry;

public sealed class HealthReportTextTests
{
    [Fact]
    public void A_healthy_report_is_the_status_alone() =>
        Assert.Equal("Healthy", HealthReportText.Format(Report(("self", HealthStatus.Healthy, null))));

    [Fact]
    public void A_degraded_report_names_each_check_that_is_not_healthy_with_its_reason()
    {
        var text = HealthReportText.Format(Report(
            ("self", HealthStatus.Healthy, null),
            ("bedrock-model-lifecycle", HealthStatus.Degraded, "amazon.nova-canvas-v1:0 is Legacy, end of life 2026-09-30.")));

        Assert.Equal("Degraded\nbedrock-model-lifecycle: amazon.nova-canvas-v1:0 is Legacy, end of life 2026-09-30.", text);
    }

    private static HealthReport Report(params (string Name, HealthStatus Status, string? Description)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Status, c.Description, TimeSpan.Zero, null, null)), TimeSpan.Zero);
}
