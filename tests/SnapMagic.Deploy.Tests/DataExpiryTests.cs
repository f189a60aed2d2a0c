using System.Text.Json.Nodes;

namespace SnapMagic.Deploy.Tests;

/// <summary>
/// Recordings and videos expire with the event's cards: one lifecycle rule per prefix, all after the card retention,
/// and the job table's TTL (where feedback items live beside the cards) stays on <c>expiresAt</c>.
/// </summary>
public class DataExpiryTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    internal static IReadOnlyDictionary<string, int> ExpiryDaysByPrefix(SynthesizedEvent synthesized) =>
        synthesized.Resource(synthesized.LogicalId(synthesized.Stack.Data.ImageBucket))["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray()
            .Select(rule => rule!.AsObject())
            .Where(rule => rule["Prefix"] is not null)
            .ToDictionary(rule => (string)rule["Prefix"]!, rule => (int)rule["ExpirationInDays"]!);

    [Fact]
    public void Cards_animations_and_recordings_expire_after_the_card_retention()
    {
        var rules = ExpiryDaysByPrefix(synthesized);

        Assert.Equal(14, synthesized.Options.CardRetentionDays);
        Assert.Equal(new Dictionary<string, int> { ["cards/"] = 14, ["animations/"] = 14, ["feedback/"] = 14 }, rules);
        Assert.All(synthesized.Resource(synthesized.LogicalId(synthesized.Stack.Data.ImageBucket))["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray(),
            rule => Assert.Equal("Enabled", (string?)rule!["Status"]));
    }

    [Fact]
    public void The_prefixes_are_the_ones_the_services_write()
    {
        Assert.Equal(DataStores.AnimationsPrefix, new SnapMagic.Imaging.Video.Bedrock.BedrockVideoOptions().OutputPrefix);
        Assert.StartsWith(DataStores.FeedbackPrefix, SnapMagic.Feedback.FeedbackItem.RecordingKeyFor("session", "feedback", "audio/webm"), StringComparison.Ordinal);
    }

    [Fact]
    public void Job_and_feedback_items_expire_by_the_same_ttl_attribute_the_store_writes()
    {
        var table = synthesized.Resource(synthesized.LogicalId(synthesized.Stack.Data.JobTable))["Properties"]!;

        // Core's JobItem.ExpiresAt (internal) and its table set-up use this name; the feedback store writes it as well.
        Assert.Equal("expiresAt", (string?)table["TimeToLiveSpecification"]!["AttributeName"]);
        Assert.True((bool?)table["TimeToLiveSpecification"]!["Enabled"]);
        Assert.Equal("expiresAt", DataStores.TimeToLiveAttribute);
    }

    [Fact]
    public void The_worker_and_the_api_get_the_same_retention_the_bucket_expires_by()
    {
        foreach (var service in new[] { "api", "worker" })
            Assert.Equal("14", (string?)SynthesizedEvent.Environment(synthesized.Container(service))[ServiceSettings.CardsRetentionDays]);
    }
}

/// <summary>A shorter teardown shortens every expiry with it.</summary>
public class ShorterExpiryTests(ScaledEvent synthesized) : IClassFixture<ScaledEvent>
{
    [Fact]
    public void Every_prefix_expires_after_the_weeks_retention()
    {
        Assert.Equal(new Dictionary<string, int> { ["cards/"] = 7, ["animations/"] = 7, ["feedback/"] = 7 }, DataExpiryTests.ExpiryDaysByPrefix(synthesized));
    }
}
