namespace SnapMagic.AppHost.Backends;

internal static class EmbeddedBackend
{
    /// <summary>
    /// SQLite queue and job store and image files in one folder the services share, kept across runs
    /// (<c>--data-dir</c>, by default <c>.snapmagic-data/embedded</c> in the repository), and the local painter.
    /// </summary>
    public static void AddEmbeddedBackend(this IDistributedApplicationBuilder builder, AppHostOptions options,
        IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var dataDirectory = options.DataDirectory
            ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".snapmagic-data", "embedded"));
        Directory.CreateDirectory(dataDirectory);
        foreach (var service in services)
        {
            service.WithEnvironment("Backend", "Embedded")
                .WithEnvironment("Embedded__DataDirectory", dataDirectory);
        }
    }
}
