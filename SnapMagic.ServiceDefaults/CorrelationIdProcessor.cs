using SnapMagic.Contracts;
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
        if (data.GetTagItem(CardTelemetry.CorrelationIdTag) is null
            && data.Parent?.GetTagItem(CardTelemetry.CorrelationIdTag) is string correlationId)
        {
            data.SetTag(CardTelemetry.CorrelationIdTag, correlationId);
        }
    }
}
