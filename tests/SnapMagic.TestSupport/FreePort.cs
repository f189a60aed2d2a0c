using SnapMagic.AppHost.Hosting;

namespace SnapMagic.TestSupport;

/// <summary>A loopback TCP port nobody listens on right now, so parallel test runs never collide.</summary>
public static class FreePort
{
    public static int Next() => LoopbackPort.NextFree();
}
