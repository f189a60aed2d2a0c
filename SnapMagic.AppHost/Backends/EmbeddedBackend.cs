namespace SnapMagic.AppHost.Backends;

internal static class EmbeddedBackend
{
    /// <summary>
    /// The folder the services share for the SQLite queue and job store and the image files, kept across runs
    /// (<c>--data-dir</c>, by default <c>.snapmagic-data/embedded</c> in the repository).
    /// </summary>
    public static string EmbeddedDataDirectory(this IDistributedApplicationBuilder builder, string? configured)
    {
        var dataDirectory = configured ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".snapmagic-data", "embedded"));
        Directory.CreateDirectory(dataDirectory);
        return dataDirectory;
    }

    /// <summary>
    /// The embedded backend: SQLite and files in <paramref name="dataDirectory"/>, the local painter, and the local video
    /// model drawing animated WebPs in its <c>video-renders</c> folder (shared by every worker replica: a re-check may land
    /// on another one), from where the worker copies each into the image store; recordings kept but not transcribed (no
    /// reliable offline recogniser), typed feedback scored by the local lexicon.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEmbeddedBackend(this IResourceBuilder<ProjectResource> service, string dataDirectory) =>
        service.WithEnvironment("Backend", "Embedded")
            .WithEnvironment("Embedded__DataDirectory", dataDirectory)
            .WithEnvironment("VideoModel__Provider", "Local")
            .WithEnvironment("VideoModel__Local__OutputDirectory", Path.Combine(dataDirectory, "video-renders"))
            .WithEnvironment("Speech__Provider", "Local")
            .WithEnvironment("Sentiment__Provider", "Local");
}
