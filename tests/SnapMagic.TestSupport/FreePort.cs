using System.Net;
using System.Net.Sockets;

namespace SnapMagic.TestSupport;

/// <summary>A loopback TCP port nobody listens on right now, so parallel test runs never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
