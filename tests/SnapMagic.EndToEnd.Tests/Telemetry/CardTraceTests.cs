using SnapMagic.EndToEnd.Tests.Browser;
using SnapMagic.EndToEnd.Tests.Hosting;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// One card is one trace, from the Api's request to the push of its final status, across the real processes, as
/// the Aspire dashboard's telemetry API (<c>GET /api/telemetry/traces</c>) holds it. Each backend gets a subclass: the
/// W3C trace context travels as a message attribute of the SQLite queue and of SQS alike.
/// </summary>
public abstract class CardTraceTests<TSystem>(TSystem system) where TSystem : SnapMagicSystem
{
    public const string InternalChanged = "POST /internal/cards/{correlationId}/changed";

    [Fact]
    public async Task A_cards_spans_from_api_and_worker_share_one_trace_from_request_to_push()
    {
        var correlationId = await CardRequests.MakeCardAsync(system.Api, "a lighthouse keeper painting the northern lights", () => system.RecentOutput());
        using var telemetry = new DashboardTelemetry(system.App.DashboardUrl);

        // Complete once the consumer span (it ends last in the worker) and the push of "completed" have arrived.
        var traces = await telemetry.WaitForCardTracesAsync(correlationId, spans =>
            spans.Any(s => s.Name == "cards process")
            && spans.Any(s => s.Name == "cards push" && s.Attributes.GetValueOrDefault("snapmagic.card.status") == "completed"));

        var trace = Assert.Single(traces);
        var spans = trace.Spans;
        Assert.All(spans, span => Assert.True(span.Attributes.GetValueOrDefault(DashboardTelemetry.CorrelationIdTag) == correlationId,
            $"{span.Service} span '{span.Name}' does not carry {DashboardTelemetry.CorrelationIdTag}={correlationId}"));
        Assert.Equal(new[] { "api", "worker" }, trace.Services.Order());

        var request = Single(spans, "api", "server", "POST /api/cards/");
        var enqueue = Single(spans, "api", "producer", "cards enqueue");
        Assert.Equal(request.SpanId, enqueue.ParentSpanId);
        var consume = Single(spans, "worker", "consumer", "cards process");
        Assert.Equal(enqueue.SpanId, consume.ParentSpanId);
        Assert.Equal("completed", consume.Attributes["snapmagic.card.outcome"]);

        var model = Single(spans, "worker", "client", "model call");
        Assert.Equal(consume.SpanId, model.ParentSpanId);
        Assert.Equal(("1", "closed"), (model.Attributes["snapmagic.model.attempt"], model.Attributes["snapmagic.model.breaker_state"]));
        var imageWrite = Single(spans, "worker", "internal", "image write");
        Assert.Equal(consume.SpanId, imageWrite.ParentSpanId);
        var statusWrites = spans.Where(s => s.Name == "status write").ToList();
        Assert.Equal(new[] { "completed", "processing" }, statusWrites.Select(s => s.Attributes["snapmagic.card.status"]).Order());
        Assert.All(statusWrites, s => Assert.Equal((consume.SpanId, "worker"), (s.ParentSpanId, s.Service)));

        // The push of each change: the worker's notify → its HTTP call → the Api's internal endpoint → the hub push.
        var pushes = spans.Where(s => s.Name == "cards push").ToList();
        Assert.Contains(pushes, push => push.ParentSpanId == request.SpanId && push.Attributes["snapmagic.card.status"] == "queued");
        foreach (var status in new[] { "processing", "completed" })
        {
            var push = Assert.Single(pushes, p => p.Attributes["snapmagic.card.status"] == status);
            var endpoint = Parent(spans, push);
            Assert.Equal(("api", "server", InternalChanged), (endpoint.Service, endpoint.Kind, endpoint.Name));
            var call = Parent(spans, endpoint);
            Assert.Equal(("worker", "client"), (call.Service, call.Kind));
            var notify = Parent(spans, call);
            Assert.Equal(("worker", "notify", consume.SpanId), (notify.Service, notify.Name, notify.ParentSpanId));
        }
    }

    private static SpanView Single(IReadOnlyList<SpanView> spans, string service, string kind, string name) =>
        Assert.Single(spans, s => s.Service == service && s.Kind == kind && s.Name == name);

    private static SpanView Parent(IReadOnlyList<SpanView> spans, SpanView child) =>
        Assert.Single(spans, s => s.SpanId == child.ParentSpanId);
}

/// <summary>On the embedded system the browser tests already run (one system start less).</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbeddedCardTraceTests(BrowserSystem browser) : CardTraceTests<EmbeddedSystem>(browser.System);

[Collection(AwsCollection.Name)]
public sealed class AwsCardTraceTests(AwsSystem system) : CardTraceTests<AwsSystem>(system);
