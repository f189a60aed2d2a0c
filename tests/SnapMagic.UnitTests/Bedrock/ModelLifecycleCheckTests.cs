using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging;
using SnapMagic.Aws.Bedrock;
using SnapMagic.TestSupport;
using SnapMagic.Worker.Diagnostics;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class ModelLifecycleCheckTests : FakeBedrockTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnActiveModelIsOneInformationLine()
    {
        var log = await CheckAsync(BedrockModelFamily.StabilityInpaint);

        var line = Assert.Single(log);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Bedrock model us.stability.stable-image-inpaint-v1:0 (StabilityInpaint) is ACTIVE.", line.Message);
        Assert.Equal(1, Bedrock.ControlPlaneRequestCount);
        Assert.Empty(Bedrock.ValidationFailures);
    }

    [Fact]
    public async Task ALegacyModelIsAWarningWithItsEndOfLife()
    {
        Bedrock.FoundationModels["amazon.nova-canvas-v1:0"] = FakeFoundationModel.Legacy(Today.AddMonths(2));

        var line = Assert.Single(await CheckAsync(BedrockModelFamily.NovaCanvas));

        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("Bedrock model amazon.nova-canvas-v1:0 (NovaCanvas) is Legacy: end of life 2027-01-26.", line.Message);
        Assert.Contains("ImageModel:Bedrock:Family", line.Message);
    }

    [Fact]
    public async Task AModelPastItsEndOfLifeIsAWarningThatCardsWillFail()
    {
        Bedrock.FoundationModels["amazon.nova-canvas-v1:0"] = FakeFoundationModel.Legacy(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));

        var line = Assert.Single(await CheckAsync(BedrockModelFamily.NovaCanvas));

        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("is past its end of life (2026-09-30)", line.Message);
    }

    [Fact]
    public async Task AnInferenceProfileIsCheckedAsItsFoundationModel()
    {
        Bedrock.FoundationModels["amazon.nova-2-omni-v1:0"] = FakeFoundationModel.Legacy(Today.AddMonths(6));

        var line = Assert.Single(await CheckAsync(BedrockModelFamily.Nova2Omni));

        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("us.amazon.nova-2-omni-v1:0 (Nova2Omni) is Legacy", line.Message);
    }

    [Fact]
    public async Task DeniedAccessIsAnError()
    {
        Bedrock.ControlPlaneAccessDenied = true;

        var line = Assert.Single(await CheckAsync(BedrockModelFamily.NovaCanvas));

        Assert.Equal(LogLevel.Error, line.Level);
        Assert.StartsWith("Bedrock denied access to model amazon.nova-canvas-v1:0", line.Message);
        Assert.Contains("bedrock:GetFoundationModel", line.Message);
    }

    [Fact]
    public async Task AnUnknownModelIsAnError()
    {
        var line = Assert.Single(await CheckAsync(BedrockModelFamily.NovaCanvas, o => o.ModelId = "amazon.nova-canvas-v9:0"));

        Assert.Equal(LogLevel.Error, line.Level);
        Assert.StartsWith("Bedrock does not know model amazon.nova-canvas-v9:0", line.Message);
    }

    [Fact]
    public async Task NoControlPlaneIsAWarningNotAFailure()
    {
        var line = Assert.Single(await CheckAsync(BedrockModelFamily.NovaCanvas, o => o.ControlPlaneUrl = $"http://127.0.0.1:{FreePort.Next()}"));

        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("Could not check the lifecycle of Bedrock model amazon.nova-canvas-v1:0", line.Message);
    }

    [Fact]
    public async Task TheWorkersRegistrationChecksTheConfiguredModelWithTheAwsSectionsKeys()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["ImageModel:Provider"] = "Bedrock";
        builder.Configuration["ImageModel:Bedrock:Family"] = "StabilityInpaint";
        builder.Configuration["ImageModel:Bedrock:ServiceUrl"] = Bedrock.Url.ToString();
        builder.Configuration["ImageModel:Bedrock:ControlPlaneUrl"] = Bedrock.Url.ToString();
        builder.Configuration["Aws:AccessKeyId"] = "AKIDSNAPMAGICTEST";
        builder.Configuration["Aws:SecretAccessKey"] = TestSecret;
        builder.Services.AddFakeLogging();
        builder.AddImageModel();
        builder.AddModelLifecycleCheck();
        using var host = builder.Build();

        await host.Services.GetServices<IHostedService>().OfType<ModelLifecycleCheck>().Single().CheckAsync(CancellationToken.None);

        var line = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Category == typeof(ModelLifecycleCheck).FullName);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Bedrock model us.stability.stable-image-inpaint-v1:0 (StabilityInpaint) is ACTIVE.", line.Message);
        Assert.Empty(Bedrock.ValidationFailures); // signed for bedrock in us-east-1 with the configured secret
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

    private async Task<IReadOnlyList<FakeLogRecord>> CheckAsync(BedrockModelFamily family, Action<BedrockOptions>? configure = null)
    {
        var options = Options(family, configure);
        using var services = new ServiceCollection()
            .AddSingleton(new BedrockControlPlaneClient(options, TestCredentials))
            .BuildServiceProvider();
        var logger = new FakeLogger<ModelLifecycleCheck>();
        var check = new ModelLifecycleCheck(services, Microsoft.Extensions.Options.Options.Create(options), new FixedTime(Today), logger);
        await check.CheckAsync(CancellationToken.None);
        return logger.Collector.GetSnapshot();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
