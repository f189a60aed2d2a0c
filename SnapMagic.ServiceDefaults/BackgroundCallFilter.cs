using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Leaves out of the export the HttpClient spans that are a trace of their own: the queue's long polls, the depth
/// gauges' reads and the like, several a minute per worker, which would push the cards out of the dashboard's ring.
/// Decided when the span ends, not by the sampler: the request already went out with a sampled traceparent, so a
/// service that answers it (or a card message it returns) still records its spans.
/// </summary>
internal sealed class BackgroundCallFilter : BaseProcessor<Activity>
{
    private const string HttpClientOperation = "System.Net.Http.HttpRequestOut";

    public override void OnEnd(Activity data)
    {
        if (data.Kind == ActivityKind.Client && data.ParentSpanId == default && data.OperationName == HttpClientOperation)
        {
            // Exporters skip activities that are not recorded (the same way the ASP.NET Core instrumentation drops probes).
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
