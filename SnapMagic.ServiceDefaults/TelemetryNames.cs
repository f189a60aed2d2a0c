namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The ActivitySources and Meters every service listens to besides those the ASP.NET Core, HttpClient and runtime
/// instrumentation packages add: our own, SignalR's hub invocations, and the authentication and authorization meters.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Each service's own source and meter (<c>SnapMagic.Api</c>, <c>SnapMagic.Worker</c>, ...).</summary>
    public const string OwnSources = "SnapMagic.*";

    public static readonly string[] ActivitySources =
    [
        OwnSources,
        "Microsoft.AspNetCore.SignalR.Server",
    ];

    public static readonly string[] Meters =
    [
        OwnSources,
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    /// <summary>
    /// Buckets for our own histograms measured in seconds: the SDK's default buckets (0, 5, 10, ... 10000) suit
    /// milliseconds and would put every model call into one bucket.
    /// </summary>
    public static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 30, 60, 120];

    /// <summary>Probe paths: answered many times a minute, never worth a trace.</summary>
    public static readonly string[] UntracedPaths = ["/health", "/alive"];
}
