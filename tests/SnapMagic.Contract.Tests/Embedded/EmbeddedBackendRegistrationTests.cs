using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SnapMagic.Embedded;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Backends;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedBackendRegistrationTests : IDisposable
{
    private readonly TemporaryDataDirectories _directories = new();

    public void Dispose() => _directories.Dispose();

    [Fact]
    public async Task The_default_backend_registers_the_embedded_adapters_on_the_configured_folder_and_reports_ready()
    {
        var directory = Path.Combine(_directories.New(), "data");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embedded:DataDirectory"] = directory,
            ["Queue:Name"] = "configured-cards",
            ["Queue:DeadLetterName"] = "configured-cards-dlq",
        });

        builder.AddCardBackend();
        using var host = builder.Build();

        var queues = host.Services.GetRequiredService<ICardQueues>();
        Assert.Same(queues, host.Services.GetRequiredService<ICardQueues>());
        Assert.Equal("configured-cards", queues.Jobs.Name);
        Assert.Equal("configured-cards-dlq", queues.DeadLetters.Name);
        await queues.Jobs.SendAsync(new OutgoingMessage("wired"));
        await host.Services.GetRequiredService<IImageStore>().SaveAsync("cards/s/c.png", new byte[] { 1 });
        await host.Services.GetRequiredService<IJobStore>().PingAsync();
        var feedback = Assert.IsType<SqliteFeedbackStore>(host.Services.GetRequiredService<IFeedbackStore>());
        Assert.Equal(0, (await feedback.GetStatisticsAsync(1)).Received);

        // One file for jobs and queues: a card's job and its message are one commit.
        Assert.True(File.Exists(Path.Combine(directory, "jobs.db")));
        Assert.False(File.Exists(Path.Combine(directory, "queues.db")));
        Assert.True(File.Exists(Path.Combine(directory, "images", "cards", "s", "c.png")));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }
}
