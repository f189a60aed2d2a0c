namespace SnapMagic.AppHost.ScaleOut;

/// <summary>
/// Debian's <c>redis-server</c> run as a process (there is no container engine for Aspire's Redis container), with
/// its address as the connection string a referencing service gets (<c>ConnectionStrings__{name}</c>).
/// </summary>
public sealed class RedisServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Endpoint.Property(EndpointProperty.HostAndPort)}");
}
