using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Embedded;

public static class EmbeddedBackendExtensions
{
    /// <summary>
    /// SQLite queue and job store and images on disk, all under <c>Embedded:DataDirectory</c>, which the Api
    /// and every worker process share.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedBackend(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EmbeddedOptions>(builder.Configuration.GetSection(EmbeddedOptions.Section));
        builder.Services.AddSingleton<ICardQueues>(services => new SqliteCardQueues(
            services.GetRequiredService<IOptions<EmbeddedOptions>>(),
            services.GetRequiredService<IOptions<QueueOptions>>(),
            services.GetService<TimeProvider>()));
        builder.Services.AddSingleton<IJobStore, SqliteJobStore>();
        builder.Services.AddSingleton<IImageStore, FileImageStore>();
        return builder;
    }
}
