using Microsoft.Extensions.Hosting;

namespace SnapMagic.Embedded;

public static class EmbeddedBackendExtensions
{
    // TODO(embedded backend): SQLite queue and job store, images on disk.
    public static IHostApplicationBuilder AddEmbeddedBackend(this IHostApplicationBuilder builder) =>
        throw new NotImplementedException("The embedded backend is not written yet.");
}
