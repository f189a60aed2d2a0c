namespace SnapMagic.TestSupport.LocalAws;

/// <summary>dynalite (the DynamoDB API) in memory on 127.0.0.1; new tables stay CREATING only briefly.</summary>
public sealed class DynaliteServer : LocalNodeServer
{
    private DynaliteServer(System.Diagnostics.Process process) : base(process)
    {
    }

    public static Task<DynaliteServer> StartAsync(LocalServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync("dynalite", "dynalite", "dynalite.cjs", process => new DynaliteServer(process), options, cancellationToken);
}
