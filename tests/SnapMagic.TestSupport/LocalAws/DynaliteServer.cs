namespace SnapMagic.TestSupport.LocalAws;

/// <summary>dynalite (the DynamoDB API) in memory on 127.0.0.1; new tables stay CREATING only briefly.</summary>
public sealed class DynaliteServer : LocalNodeServer
{
    private DynaliteServer(System.Diagnostics.Process process, int port) : base(process, port)
    {
    }

    public static Task<DynaliteServer> StartAsync(LocalServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync("dynalite", "dynalite", "dynalite.cjs", (process, port) => new DynaliteServer(process, port), options, cancellationToken);
}
