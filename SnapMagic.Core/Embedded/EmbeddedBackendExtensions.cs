using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;

namespace SnapMagic.Embedded;

public static class EmbeddedBackendExtensions
{
    /// <summary>
    /// SQLite queue, job store and feedback store in one file and images (every blob) on disk, all under <c>Embedded:DataDirectory</c>, which the
    /// Api and every worker process share.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedBackend(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EmbeddedOptions>(builder.Configuration.GetSection(EmbeddedOptions.Section));
        builder.Services.AddSingleton(services =>
            new SqliteCardDatabase(services.GetRequiredService<IOptions<EmbeddedOptions>>().Value.DataDirectory));
        builder.Services.AddSingleton(services => new SqliteCardQueues(
            services.GetRequiredService<SqliteCardDatabase>(),
            services.GetRequiredService<IOptions<QueueOptions>>().Value,
            services.GetService<TimeProvider>()));
        builder.Services.AddSingleton<ICardQueues>(services => services.GetRequiredService<SqliteCardQueues>());
        builder.Services.AddSingleton<IJobStore>(services => new SqliteJobStore(services.GetRequiredService<SqliteCardDatabase>()));
        builder.Services.AddSingleton<IFeedbackStore>(services => new SqliteFeedbackStore(services.GetRequiredService<SqliteCardDatabase>()));
        builder.Services.AddSingleton<IImageStore, FileImageStore>();
        return builder;
    }
}
