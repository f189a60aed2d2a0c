using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Gives a span the card's correlation id of its in-process parent when it has none of its own, so the spans no
/// code of ours starts (HttpClient's calls to SQS, S3, Bedrock and the Api's internal endpoint) carry it too.
/// </summary>
internal sealed class CorrelationIdProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.GetTagItem(TelemetryNames.CorrelationIdTag) is null
            && data.Parent?.GetTagItem(TelemetryNames.CorrelationIdTag) is string correlationId)
        {
            data.SetTag(TelemetryNames.CorrelationIdTag, correlationId);
        }
    }
}
