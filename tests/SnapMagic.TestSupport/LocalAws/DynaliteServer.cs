using System.Text.Json;

namespace SnapMagic.AppHost.LocalAws;

/// <summary>dynalite (the DynamoDB API) in memory on 127.0.0.1; new tables stay CREATING only briefly.</summary>
public sealed class DynaliteServer : LocalNodeServer
{
    private DynaliteServer(System.Diagnostics.Process process, int port) : base(process, port)
    {
    }

    public static Task<DynaliteServer> StartAsync(LocalServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync("dynalite", "dynalite", Script, (process, port) => new DynaliteServer(process, port), options, cancellationToken);

    private static string Script(string package, int port) => $$"""
        const server = require({{JsonSerializer.Serialize(package)}})({ createTableMs: 50, deleteTableMs: 50, updateTableMs: 50 });
        server.listen({{port}}, "127.0.0.1", () => console.log("dynalite listening on 127.0.0.1:{{port}}"));
        """;
}
