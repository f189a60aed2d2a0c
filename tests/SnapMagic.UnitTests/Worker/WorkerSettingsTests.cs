using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace SnapMagic.UnitTests.Worker;

public sealed class WorkerSettingsTests
{
    [Theory]
    [InlineData(null, "a-secret-key", "Api:InternalUrl")]
    [InlineData("http://127.0.0.1:5180", null, "Internal:ApiKey")]
    [InlineData("http://127.0.0.1:5180", "snapmagic-dev-internal-key", "development key")]
    public void Outside_Development_a_missing_or_default_setting_stops_start_up_naming_it(string? url, string? key, string named)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:InternalUrl"] = url, ["Internal:ApiKey"] = key });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCardProcessing());

        Assert.Contains(named, error.Message);
    }
}
