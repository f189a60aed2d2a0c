using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SnapMagic.AppHost.Diagnostics;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>The dashboard's view of a worker is what the worker's /health says, Degraded and its reason included.</summary>
public sealed class ReportedHealthCheckTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, "Healthy", HealthStatus.Healthy, null)]
    [InlineData(HttpStatusCode.OK, "Degraded\nbedrock-model-lifecycle: amazon.nova-canvas-v1:0 is Legacy.", HealthStatus.Degraded,
        "bedrock-model-lifecycle: amazon.nova-canvas-v1:0 is Legacy.")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Unhealthy\nbackend: the queue does not answer.", HealthStatus.Unhealthy,
        "backend: the queue does not answer.")]
    public async Task The_status_and_reason_are_the_services_own(HttpStatusCode code, string body, HealthStatus status, string? reason)
    {
        var result = await CheckAsync(code, body);

        Assert.Equal((status, reason), (result.Status, result.Description));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "Unhealthy")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Healthy")]
    [InlineData(HttpStatusCode.NotFound, "Not Found")]
    public async Task An_answer_that_contradicts_its_status_code_is_unhealthy(HttpStatusCode code, string body) =>
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(code, body)).Status);

    [Fact]
    public async Task No_answer_is_unhealthy()
    {
        using var check = new ReportedHealthCheck(() => new Uri("http://worker.invalid/"), "/health", new Answer(_ => throw new HttpRequestException("connection refused")));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("connection refused", result.Description);
    }

    private static async Task<HealthCheckResult> CheckAsync(HttpStatusCode code, string body)
    {
        Uri? asked = null;
        using var check = new ReportedHealthCheck(() => new Uri("http://worker.invalid/"), "/health", new Answer(request =>
        {
            asked = request.RequestUri;
            return new HttpResponseMessage(code) { Content = new StringContent(body) };
        }));
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(new Uri("http://worker.invalid/health"), asked);
        return result;
    }

    private sealed class Answer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
