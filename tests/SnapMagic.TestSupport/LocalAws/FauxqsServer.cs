using System.Text.Json;

namespace SnapMagic.AppHost.LocalAws;

/// <summary>
/// fauxqs (SQS and S3 on one port). Its CLI and <c>startFauxqs</c> always listen on 0.0.0.0, so this runs
/// its <c>buildApp</c> and listens on 127.0.0.1 itself. Queue URLs it hands out use the host
/// <c>sqs.{region}.localhost</c> (fauxqs's <c>host</c> option, FAUXQS_HOST for its CLI); SnapMagic's SQS client
/// never dials them, it always sends to <see cref="LocalNodeServer.Endpoint"/>.
/// </summary>
public sealed class FauxqsServer : LocalNodeServer
{
    private FauxqsServer(System.Diagnostics.Process process, int port) : base(process, port)
    {
    }

    public static Task<FauxqsServer> StartAsync(LocalServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync("fauxqs", "fauxqs", Script, (process, port) => new FauxqsServer(process, port), options, cancellationToken);

    private static string Script(string package, int port)
    {
        var app = JsonSerializer.Serialize(new Uri(Path.Combine(package, "dist", "app.js")).AbsoluteUri);
        return $$"""
            import({{app}}).then(async ({ buildApp }) => {
              const app = buildApp({ logger: false });
              await app.listen({ port: {{port}}, host: "127.0.0.1" });
              console.log("fauxqs listening on 127.0.0.1:{{port}}");
            }).catch(error => { console.error(error); process.exit(1); });
            """;
    }
}
