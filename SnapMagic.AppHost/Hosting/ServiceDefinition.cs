namespace SnapMagic.AppHost.Hosting;

/// <summary>One service the AppHost runs: which project, where it listens, and its environment.</summary>
/// <param name="Name">Display name and output prefix, e.g. <c>api</c>, <c>worker-1</c>.</param>
/// <param name="Project">The project folder / assembly name, e.g. <c>SnapMagic.Api</c>.</param>
/// <param name="Port">The loopback port it binds (127.0.0.1).</param>
/// <param name="PublicUrl">The URL a developer opens, or null for a service without a page (a worker).</param>
public sealed record ServiceDefinition(
    string Name,
    string Project,
    int Port,
    Uri? PublicUrl,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The address the AppHost probes (<c>/health</c>) on.</summary>
    public Uri BindUrl => new($"http://127.0.0.1:{Port}");
}
