using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.TestSupport;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Imaging.Hosting;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class ModelLifecycleCheckTests : FakeBedrockTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnActiveModelIsOneInformationLine()
    {
        var message = await CheckAsync(BedrockModelFamily.StabilityInpaint, LogLevel.Information);

        Assert.Equal("Bedrock model us.stability.stable-image-inpaint-v1:0 (StabilityInpaint) is ACTIVE.", message);
        Assert.Equal(1, Bedrock.ControlPlaneRequestCount);
        Assert.Empty(Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task ALegacyModelIsAWarningWithItsEndOfLife()
    {
        Bedrock.FoundationModels["amazon.nova-canvas-v1:0"] = FakeFoundationModel.Legacy(Today.AddMonths(2));

        var message = await CheckAsync(BedrockModelFamily.NovaCanvas, LogLevel.Warning);

        Assert.StartsWith("Bedrock model amazon.nova-canvas-v1:0 (NovaCanvas) is Legacy: end of life 2027-01-26.", message);
        Assert.Contains("ImageModel:Bedrock:Family", message);
    }

    [Fact]
    public async Task AModelPastItsEndOfLifeIsAWarningThatCardsWillFail()
    {
        Bedrock.FoundationModels["amazon.nova-canvas-v1:0"] = FakeFoundationModel.Legacy(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));

        var message = await CheckAsync(BedrockModelFamily.NovaCanvas, LogLevel.Warning);

        Assert.Contains("is past its end of life (2026-09-30)", message);
    }

    [Fact]
    public async Task TheDefaultFamilyIsNova2OmniAndTheFakeReportsItActive()
    {
        var (message, health) = await CheckWithHealthAsync(BedrockModelFamilies.Default, LogLevel.Information);

        Assert.Equal(BedrockModelFamily.Nova2Omni, new BedrockOptions().Family);
        Assert.Equal("Bedrock model us.amazon.nova-2-omni-v1:0 (Nova2Omni) is ACTIVE.", message);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("Bedrock model us.amazon.nova-2-omni-v1:0 is ACTIVE.", health.Description);
    }

    [Fact]
    public async Task NovaCanvasIsReportedLegacyPastItsEndOfLifeAndTheWorkerIsDegraded()
    {
        var (message, health) = await CheckWithHealthAsync(BedrockModelFamily.NovaCanvas, LogLevel.Warning);

        Assert.Contains("amazon.nova-canvas-v1:0 (NovaCanvas) is past its end of life (2026-09-30)", message);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("Bedrock model amazon.nova-canvas-v1:0 is past its end of life (2026-09-30): cards will likely fail. "
            + "Choose an Active model with ImageModel:Bedrock:Family and ModelId.", health.Description);
    }

    [Fact]
    public async Task ALegacyModelBeforeItsEndOfLifeDegradesTheWorker()
    {
        Bedrock.FoundationModels["amazon.nova-2-omni-v1:0"] = FakeFoundationModel.Legacy(Today.AddMonths(2));

        var (_, health) = await CheckWithHealthAsync(BedrockModelFamily.Nova2Omni, LogLevel.Warning);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith("Bedrock model us.amazon.nova-2-omni-v1:0 is Legacy (end of life 2027-01-26).", health.Description);
    }

    [Fact]
    public async Task AModelThatIsNotAccessibleDegradesTheWorker()
    {
        Bedrock.ControlPlaneAccessDenied = true;
        var (_, denied) = await CheckWithHealthAsync(BedrockModelFamily.Nova2Omni, LogLevel.Error);
        Bedrock.ControlPlaneAccessDenied = false;
        var (_, unknown) = await CheckWithHealthAsync(BedrockModelFamily.Nova2Omni, LogLevel.Error, o => o.ModelId = "amazon.nova-9-omni-v1:0");
        var (_, unreachable) = await CheckWithHealthAsync(BedrockModelFamily.Nova2Omni, LogLevel.Warning, o => o.ControlPlaneUrl = $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(HealthStatus.Degraded, denied.Status);
        Assert.StartsWith("Bedrock denied access to model us.amazon.nova-2-omni-v1:0 in us-east-1:", denied.Description);
        Assert.Equal(HealthStatus.Degraded, unknown.Status);
        Assert.Equal("Bedrock does not know model amazon.nova-9-omni-v1:0 in us-east-1: every card will fail with it.", unknown.Description);
        Assert.Equal(HealthStatus.Degraded, unreachable.Status);
        Assert.StartsWith("Could not check the lifecycle of Bedrock model us.amazon.nova-2-omni-v1:0:", unreachable.Description);
    }

    [Fact]
    public async Task BeforeTheCheckHasRunTheWorkerIsHealthy()
    {
        var health = await new ModelLifecycleCheckHealth(new ModelLifecycleCheckResult()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("The Bedrock model's lifecycle has not been checked yet.", health.Description);
    }

    [Fact]
    public async Task AnInferenceProfileIsCheckedAsItsFoundationModel()
    {
        Bedrock.FoundationModels["amazon.nova-2-omni-v1:0"] = FakeFoundationModel.Legacy(Today.AddMonths(6));

        var message = await CheckAsync(BedrockModelFamily.Nova2Omni, LogLevel.Warning);

        Assert.Contains("us.amazon.nova-2-omni-v1:0 (Nova2Omni) is Legacy", message);
    }

    [Fact]
    public async Task DeniedAccessIsAnError()
    {
        Bedrock.ControlPlaneAccessDenied = true;

        var message = await CheckAsync(BedrockModelFamily.NovaCanvas, LogLevel.Error);

        Assert.StartsWith("Bedrock denied access to model amazon.nova-canvas-v1:0", message);
        Assert.Contains("bedrock:GetFoundationModel", message);
    }

    [Fact]
    public async Task AnUnknownModelIsAnError()
    {
        var message = await CheckAsync(BedrockModelFamily.NovaCanvas, LogLevel.Error, o => o.ModelId = "amazon.nova-canvas-v9:0");

        Assert.StartsWith("Bedrock does not know model amazon.nova-canvas-v9:0", message);
    }

    [Fact]
    public async Task NoControlPlaneIsAWarningNotAFailure()
    {
        var message = await CheckAsync(BedrockModelFamily.NovaCanvas, LogLevel.Warning, o => o.ControlPlaneUrl = $"http://127.0.0.1:{FreePort.Next()}");

        Assert.StartsWith("Could not check the lifecycle of Bedrock model amazon.nova-canvas-v1:0", message);
    }

    [Fact]
    public async Task TheWorkersRegistrationChecksTheConfiguredModelWithTheAwsSectionsKeys()
    {
        using var host = WorkerHost("StabilityInpaint");

        await host.Services.GetServices<IHostedService>().OfType<ModelLifecycleCheck>().Single().CheckAsync(CancellationToken.None);

        var line = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Category == typeof(ModelLifecycleCheck).FullName);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Bedrock model us.stability.stable-image-inpaint-v1:0 (StabilityInpaint) is ACTIVE.", line.Message);
        Assert.Empty(Bedrock.ValidationFailures); // signed for bedrock in us-east-1 with the configured secret
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries[ModelLifecycleCheckHealth.Name];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains(ModelLifecycleCheckExtensions.Tag, entry.Tags);
    }

    [Fact]
    public async Task TheWorkersHealthReportIsDegradedWithTheReasonForALegacyModel()
    {
        using var host = WorkerHost("NovaCanvas");

        await host.Services.GetServices<IHostedService>().OfType<ModelLifecycleCheck>().Single().CheckAsync(CancellationToken.None);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("past its end of life (2026-09-30)", report.Entries[ModelLifecycleCheckHealth.Name].Description);
    }

    [Theory]
    [InlineData("Local", false)]
    [InlineData(null, false)]
    [InlineData("Bedrock", true)]
    public void OnlyTheBedrockProviderGetsTheCheck(string? provider, bool expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = provider;
        builder.AddModelLifecycleCheck();

        Assert.Equal(expected, builder.Services.Any(s => s.ImplementationType == typeof(ModelLifecycleCheck)));
    }

    [Fact]
    public void GetFoundationModelTakesTheFoundationModelBehindAnInferenceProfile()
    {
        Assert.Equal("amazon.nova-2-omni-v1:0", BedrockControlPlaneClient.FoundationModelId("us.amazon.nova-2-omni-v1:0"));
        Assert.Equal("amazon.nova-2-omni-v1:0", BedrockControlPlaneClient.FoundationModelId("global.amazon.nova-2-omni-v1:0"));
        Assert.Equal("stability.stable-image-inpaint-v1:0", BedrockControlPlaneClient.FoundationModelId("us.stability.stable-image-inpaint-v1:0"));
        Assert.Equal("amazon.nova-canvas-v1:0", BedrockControlPlaneClient.FoundationModelId("amazon.nova-canvas-v1:0"));
        Assert.Equal("foundation-models/amazon.nova-canvas-v1%3A0", BedrockControlPlaneClient.FoundationModelPath("amazon.nova-canvas-v1:0"));
    }

    [Fact]
    public void LifecycleTimesAreReadAsEpochSecondsOrIso8601()
    {
        var lifecycle = FoundationModelLifecycle.Parse(
            """{"modelDetails":{"modelId":"m","modelLifecycle":{"status":"LEGACY","legacyTime":1775001600,"endOfLifeTime":"2026-09-30T00:00:00Z"}}}"""u8);

        Assert.True(lifecycle.IsLegacy);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), lifecycle.LegacyTime);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero), lifecycle.EndOfLifeTime);
        Assert.Throws<FormatException>(() => FoundationModelLifecycle.Parse("""{"modelDetails":{}}"""u8));
    }

    /// <summary>The worker's registrations of the model and its check, for <paramref name="family"/> at the fake, signed with the Aws section's keys.</summary>
    private IHost WorkerHost(string family)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = "Bedrock";
        builder.Configuration["ImageModel:Bedrock:Family"] = family;
        builder.Configuration["ImageModel:Bedrock:ServiceUrl"] = Bedrock.Url.ToString();
        builder.Configuration["ImageModel:Bedrock:ControlPlaneUrl"] = Bedrock.Url.ToString();
        builder.Configuration["Aws:AccessKeyId"] = "AKIDSNAPMAGICTEST";
        builder.Configuration["Aws:SecretAccessKey"] = TestSecret;
        builder.Services.AddFakeLogging();
        builder.AddImageModel();
        builder.AddModelLifecycleCheck();
        return builder.Build();
    }

    /// <summary>Runs the check once against the fake; it logs exactly one line, of <paramref name="level"/>, whose message is returned.</summary>
    private async Task<string> CheckAsync(BedrockModelFamily family, LogLevel level, Action<BedrockOptions>? configure = null) =>
        (await CheckWithHealthAsync(family, level, configure)).Message;

    /// <summary>As <see cref="CheckAsync"/>, with what the worker's health check then reports.</summary>
    private async Task<(string Message, HealthCheckResult Health)> CheckWithHealthAsync(
        BedrockModelFamily family, LogLevel level, Action<BedrockOptions>? configure = null)
    {
        var options = Options(family, configure);
        using var services = new ServiceCollection()
            .AddSingleton(new BedrockControlPlaneClient(options, TestCredentials))
            .BuildServiceProvider();
        var logger = new FakeLogger<ModelLifecycleCheck>();
        var result = new ModelLifecycleCheckResult();
        var check = new ModelLifecycleCheck(services, Microsoft.Extensions.Options.Options.Create(options), new FixedTime(Today), result, logger);
        await check.CheckAsync(CancellationToken.None);
        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(level, line.Level);
        var health = await new ModelLifecycleCheckHealth(result).CheckHealthAsync(new HealthCheckContext());
        return (line.Message, health);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
