using Microsoft.Extensions.Configuration;
using SnapMagic.AppHost.Hosting;
using SnapMagic.AppHost.LocalAws.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// The AWS backend exactly as <c>--backend aws-local</c> runs it: the AppHost starts fauxqs (SQS and S3), dynalite
/// (DynamoDB) and the project's fake Bedrock, creates the queues, table and bucket, and runs the workers with the
/// Bedrock image model against the fake.
/// </summary>
public sealed class AwsSystem : SnapMagicSystem
{
    protected override string Backend => "aws-local";

    /// <summary>Like the local model's latency in the embedded fixture: time for a test to subscribe before its card is done.</summary>
    protected override void OnStarted(DistributedApp app) =>
        app.LocalAws!.Bedrock!.DefaultReply = FakeBedrockReply.Slow(TimeSpan.FromSeconds(1));

    public override IReadOnlyList<string> LocalServers => ["fauxqs", "dynalite", "bedrock"];

    /// <summary>The worker painted the card with the Bedrock adapter, and the fake found nothing wrong with any request.</summary>
    public override void AssertBackendMadeCard(string prompt)
    {
        var bedrock = App.LocalAws!.Bedrock!;
        Assert.Empty(bedrock.ValidationFailures);
        Assert.Contains(bedrock.Requests, r => r.Text == prompt && r.TaskType == "INPAINTING");
    }

    /// <summary>The Aws:* and Queue:* settings the services got, for a test that reaches the queues or the table itself.</summary>
    public IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(App.LocalAws!.Environment.ToDictionary(
            pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value))
        .Build();
}
