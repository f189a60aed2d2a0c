using System.Net;
using System.Net.Sockets;

namespace SnapMagic.AppHost.Hosting;

/// <summary>Loopback TCP ports for the processes the AppHost starts (workers, local AWS servers).</summary>
public static class LoopbackPort
{
    /// <summary>A port nobody listens on right now (the OS picks it), so parallel runs never collide.</summary>
    public static int NextFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
