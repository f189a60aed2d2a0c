using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnapMagic.Aws;
using SnapMagic.Embedded;
using SnapMagic.Queueing;

namespace SnapMagic.Backends;

public static class CardBackendExtensions
{
    /// <summary>
    /// Registers the job store, the card queues and the image store of the backend that configuration key
    /// <c>Backend</c> names (<c>Embedded</c>, the default, or <c>Aws</c>), and a readiness check that
    /// both answer.
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
        builder.Services.AddHealthChecks().AddCheck<CardBackendHealthCheck>("card-backend", tags: ["ready"]);
        return builder;
    }
}
