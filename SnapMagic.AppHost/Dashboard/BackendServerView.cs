namespace SnapMagic.AppHost.Dashboard;

/// <summary>
/// One row of the dashboard's backend list (<c>GET /api/backend</c>): a local AWS server of <c>--backend aws-local</c>.
/// They are never restarted (dynalite keeps every card in memory, a restarted one would have lost them all).
/// </summary>
/// <param name="State"><c>starting</c>, <c>running</c>, <c>exited</c> (on its own: the backend is down) or <c>stopped</c>.</param>
/// <param name="Pid">The node process; the AppHost's own for a server that runs inside it (<paramref name="InProcess"/>).</param>
public sealed record BackendServerView(
    string Name,
    string Kind,
    string Serves,
    string State,
    int? ExitCode,
    int? Pid,
    bool InProcess,
    string? Url)
{
    public const string LocalAwsServer = "local AWS server";

    /// <summary>What the AppHost does when it ends: nothing (a restart would come back empty).</summary>
    public string Restart => "never";
}
