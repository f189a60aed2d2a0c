using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>
/// The embedded system with one worker whose image model is Bedrock, served by the tests' fake Bedrock: a test
/// scripts the fake's next answers (a 503, a content-filter block, say) to see the worker's retries in the card's trace
/// and the page's error screens (see <see cref="Browser.FailingModelBrowserSystem"/>), and bursts of 429 and 503 retried.
/// </summary>
public sealed class FlakyModelSystem : EmbeddedSystem
{
    private FakeBedrockServer? _bedrock;

    public FakeBedrockServer Bedrock => _bedrock ?? throw new InvalidOperationException("The system is not started.");

    // The retry trace test reads it.
    protected override bool Dashboard => true;

    // One worker: the one card's model calls all go through one Polly pipeline.
    protected override int Workers => 1;

    protected override async Task<IReadOnlyDictionary<string, string>> StartBackendAsync()
    {
        _bedrock = await FakeBedrockServer.StartAsync();
        return new Dictionary<string, string>
        {
            ["ImageModel__Provider"] = "Bedrock",
            ["ImageModel__Bedrock__ServiceUrl"] = _bedrock.Url.ToString(),
            ["ImageModel__Bedrock__Region"] = _bedrock.Region,
            ["ImageModel__RetryBaseDelayMs"] = "100",
            // Enough retries for one card to meet a whole burst; a breaker that stays closed through the bursts and the
            // failures the page tests script.
            ["ImageModel__MaxRetries"] = "4",
            ["ImageModel__BreakerMinimumThroughput"] = "100",
            ["Aws__AccessKeyId"] = "test",
            ["Aws__SecretAccessKey"] = FakeBedrockServer.TestSecretAccessKey,
        };
    }

    protected override async ValueTask StopBackendAsync()
    {
        if (_bedrock is not null)
            await _bedrock.DisposeAsync();
    }
}
