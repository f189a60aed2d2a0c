using System.Net;
using System.Net.Sockets;

namespace SnapMagic.TestSupport;

/// <summary>
/// A loopback TCP port nobody listens on right now. Another process can take it before it is bound, so this is only for a
/// server that cannot bind port 0 and report the port it got (the Aspire dashboard's OTLP receiver, whose URL the
/// services are given before it starts), or for a port that is never bound; a server that can report its port binds 0.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
