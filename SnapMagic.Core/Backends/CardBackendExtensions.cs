using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnapMagic.Aws;
using SnapMagic.Cards;
using SnapMagic.Embedded;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Backends;

public static class CardBackendExtensions
{
    /// <summary>
    /// Registers the job store, the card queues and the image store of the backend that configuration key
    /// <c>Backend</c> names (<c>Embedded</c>, the default, or <c>Aws</c>), the card intake over them
    /// (<see cref="ICardSubmissions"/>), and a readiness check that both answer.
    /// </summary>
    public static IHostApplicationBuilder AddCardBackend(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<QueueOptions>(builder.Configuration.GetSection(QueueOptions.Section));
        var backend = builder.Configuration.GetValue("Backend", BackendKind.Embedded);
        _ = backend switch
        {
            BackendKind.Embedded => builder.AddEmbeddedBackend(),
            BackendKind.Aws => builder.AddAwsBackend(),
            _ => throw new InvalidOperationException($"Unknown Backend '{backend}': use Embedded or Aws."),
        };
        // One transaction when the job store and the queue are tables of one SQLite file; store, then send otherwise
        // (AWS, or a host that replaced either port).
        builder.Services.AddSingleton<ICardSubmissions>(services =>
        {
            var store = services.GetRequiredService<IJobStore>();
            var queues = services.GetRequiredService<ICardQueues>();
            return SqliteCardSubmissions.InOneTransaction(store, queues) ?? (ICardSubmissions)new StoreThenSendCardSubmissions(store, queues,
                services.GetService<TimeProvider>() ?? TimeProvider.System, services.GetRequiredService<ILogger<StoreThenSendCardSubmissions>>());
        });
        builder.Services.AddHealthChecks().AddCheck<CardBackendHealthCheck>("card-backend", tags: ["ready"]);
        return builder;
    }
}
