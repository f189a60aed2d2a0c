using SnapMagic.FakeBedrock;
using SnapMagic.EndToEnd.Tests.Browser;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// A transient model error (Bedrock answers 503 once) is visible in the card's trace as two model-call attempts.
/// Runs on the system the failed-card browser tests already start (one system start less).
/// </summary>
[Collection(FailingModelBrowserCollection.Name)]
public sealed class ModelRetryTraceTests(FailingModelBrowserSystem browser)
{
    [Fact]
    public async Task A_transient_model_error_shows_as_two_model_call_attempt_spans_in_the_cards_trace()
    {
        var requestsBefore = browser.Bedrock.RequestCount;
        browser.Bedrock.Enqueue(FakeBedrockReply.Unavailable);

        var correlationId = await CardRequests.MakeCardAsync(browser.System.Api, "a submarine exploring a coral castle", () => browser.System.RecentOutput());
        Assert.Equal(2, browser.Bedrock.RequestCount - requestsBefore);
        Assert.Empty(browser.Bedrock.ValidationFailures);

        using var telemetry = new DashboardTelemetry(browser.System.App.DashboardUrl);
        var traces = await telemetry.WaitForCardTracesAsync(correlationId, spans => spans.Any(s => s.Name == "cards process"));
        var trace = Assert.Single(traces);
        var consume = Assert.Single(trace.Spans, s => s.Name == "cards process");
        var attempts = trace.Spans.Where(s => s.Name == "model call").OrderBy(s => s.StartTime).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, attempt =>
        {
            Assert.Equal((consume.SpanId, "worker", correlationId), (attempt.ParentSpanId, attempt.Service, attempt.Attributes[DashboardTelemetry.CorrelationIdTag]));
            Assert.Equal("closed", attempt.Attributes["snapmagic.model.breaker_state"]);
        });
        Assert.Equal(("1", "error"), (attempts[0].Attributes["snapmagic.model.attempt"], attempts[0].Status));
        Assert.Equal(("2", "unset"), (attempts[1].Attributes["snapmagic.model.attempt"], attempts[1].Status));
        // The second attempt starts after the first has failed and the retry's backoff has passed.
        Assert.True(attempts[1].StartTime >= attempts[0].StartTime.AddMilliseconds(attempts[0].DurationMs));
        // Each attempt is one HTTP call to Bedrock, its child, carrying the card's id too.
        Assert.All(attempts, attempt => Assert.Single(trace.Spans, s => s.ParentSpanId == attempt.SpanId && s.Kind == "client"
            && s.Attributes.GetValueOrDefault(DashboardTelemetry.CorrelationIdTag) == correlationId));

    }
}
