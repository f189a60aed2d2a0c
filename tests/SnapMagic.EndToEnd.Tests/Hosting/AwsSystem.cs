using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using SnapMagic.AppHost.Backends;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// The AWS backend as <c>--backend aws-local</c> runs it: the AppHost starts fauxqs (SQS and S3), dynalite (DynamoDB)
/// and the fake Bedrock as resources and creates the queues, table and bucket; the workers paint with the Bedrock
/// image model. The workers call a fake Bedrock the test owns (same secret key), so the test can see its requests.
/// </summary>
public class AwsSystem : SnapMagicSystem
{
    private FakeBedrockServer? _bedrock;

    protected override string Backend => "aws-local";

    // The card trace tests read it.
    protected override bool Dashboard => true;

    public FakeBedrockServer Bedrock => _bedrock ?? throw new InvalidOperationException("The system is not started.");

    /// <summary>The Bedrock model family the workers are set to (<c>ImageModel:Bedrock:Family</c>).</summary>
    public virtual BedrockModelFamily Family => BedrockModelFamily.Nova2Omni;

    protected override async Task<IReadOnlyDictionary<string, string>> StartBackendAsync()
    {
        _bedrock = await FakeBedrockServer.StartAsync(LocalAwsBackend.Region, LocalAwsBackend.SecretAccessKey);
        // Like the local model's latency in the embedded fixture: time for a test to subscribe before its card is done.
        _bedrock.DefaultReply = FakeBedrockReply.Slow(TimeSpan.FromSeconds(1));
        return new Dictionary<string, string>
        {
            ["ImageModel__Bedrock__ServiceUrl"] = _bedrock.Url.ToString(),
            ["ImageModel__Bedrock__Family"] = Family.ToString(),
            // Videos too: the test scripts and counts the asynchronous invocations, which write output.mp4 to fauxqs.
            ["VideoModel__Bedrock__ServiceUrl"] = _bedrock.Url.ToString(),
            ["Worker__Animations__RecheckSeconds"] = "1",
            // The feedback models (speech, sentiment) call the same fake.
            ["Speech__Bedrock__ServiceUrl"] = _bedrock.Url.ToString(),
            ["Sentiment__Bedrock__ServiceUrl"] = _bedrock.Url.ToString(),
        };
    }

    protected override async ValueTask StopBackendAsync()
    {
        if (_bedrock is not null)
            await _bedrock.DisposeAsync();
    }

    public override IReadOnlyList<string> LocalServers => ["bedrock", "dynalite", "fauxqs"];

    /// <summary>The worker painted the card with the Bedrock adapter, and the fake found nothing wrong with any request.</summary>
    public override void AssertBackendMadeCard(string prompt)
    {
        Assert.Empty(Bedrock.ValidationFailures);
        // Nova 2 Omni gets the prompt inside an instruction; the inpainting families get it as it is.
        Assert.Contains(Bedrock.Requests, r => r.Family == Family
            && (Family == BedrockModelFamily.Nova2Omni ? r.Text?.Contains(prompt, StringComparison.Ordinal) == true : r.Text == prompt)
            && (Family != BedrockModelFamily.NovaCanvas || r.TaskType == "INPAINTING"));
    }

    /// <summary>The Aws:* settings the services got, for a test that reaches the queues or the table itself.</summary>
    public IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(LocalAwsBackend.Settings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)))
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:SqsServiceUrl"] = App.Aspire.GetEndpoint("fauxqs", "http").ToString(),
            ["Aws:S3ServiceUrl"] = App.Aspire.GetEndpoint("fauxqs", "http").ToString(),
            ["Aws:DynamoDbServiceUrl"] = App.Aspire.GetEndpoint("dynalite", "http").ToString(),
        })
        .Build();
}

/// <summary>aws-local with the workers on Stability AI Image Services inpainting instead of Nova 2 Omni.</summary>
public sealed class StabilityAwsSystem : AwsSystem
{
    public override BedrockModelFamily Family => BedrockModelFamily.StabilityInpaint;

    protected override bool Dashboard => false;
}

/// <summary>One aws-local system for every test class that can share it.</summary>
[CollectionDefinition(Name)]
public sealed class AwsCollection : ICollectionFixture<AwsSystem>
{
    public const string Name = "aws-local system";
}
