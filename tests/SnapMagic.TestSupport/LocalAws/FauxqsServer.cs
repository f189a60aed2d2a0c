namespace SnapMagic.TestSupport.LocalAws;

/// <summary>
/// fauxqs (SQS and S3 on one port) on 127.0.0.1. Queue URLs it hands out use the host <c>sqs.{region}.localhost</c>;
/// SnapMagic's SQS client never dials them, it always sends to <see cref="LocalNodeServer.Endpoint"/>.
/// </summary>
public sealed class FauxqsServer : LocalNodeServer
{
    private FauxqsServer(System.Diagnostics.Process process) : base(process)
    {
    }

    public static Task<FauxqsServer> StartAsync(LocalServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync("fauxqs", "fauxqs", "fauxqs.mjs", process => new FauxqsServer(process), options, cancellationToken);
}
