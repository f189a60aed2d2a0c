using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SnapMagic.Web.Diagnostics;

/// <summary>The Web host's ActivitySource and Meter, named <c>SnapMagic.Web</c> as every service agreed.</summary>
public static class WebTelemetry
{
    public const string Name = "SnapMagic.Web";

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>One per page start: the page fetches its configuration once when it loads.</summary>
    public static readonly Counter<long> PageConfigServed =
        Meter.CreateCounter<long>("snapmagic.web.page.loads", "{load}", "Page loads (runtime configuration requests).");
}
