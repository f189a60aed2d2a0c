namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The ActivitySources and Meters every service listens to. .NET 10 emits these by itself (checked at run time:
/// ASP.NET Core's request activity, HttpClient, SignalR hub invocations), so no instrumentation package is needed.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Each service's own source and meter (<c>SnapMagic.Api</c>, <c>SnapMagic.Worker</c>, ...).</summary>
    public const string OwnSources = "SnapMagic.*";

    public static readonly string[] ActivitySources =
    [
        OwnSources,
        "Microsoft.AspNetCore",
        "Microsoft.AspNetCore.SignalR.Server",
        "System.Net.Http",
    ];

    public static readonly string[] Meters =
    [
        OwnSources,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "System.Net.Http",
        "System.Runtime",
    ];

    /// <summary>Probe paths: answered many times a minute, never worth a trace.</summary>
    public static readonly string[] UntracedPaths = ["/health", "/alive"];
}
