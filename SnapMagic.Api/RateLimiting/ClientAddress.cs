namespace SnapMagic.Api.RateLimiting;

/// <summary>
/// The address a request came from, as the limits per address key it: the connection's remote address (behind a proxy
/// that is the proxy's, unless forwarded headers are configured), "unknown" when the server cannot tell.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
